import { resolve } from 'node:path';
import { Type } from '@sinclair/typebox';
import { ConfigError, parseEnv } from '@commerce/config';

/** Every environment variable the migration job reads. This file is the only reader of `process.env`. */
export const StoreMigrationsEnvSchema = Type.Object({
  /** Comma-separated `host` or `host:port` entries, e.g. `cassandra:9042`. */
  CASSANDRA_CONTACT_POINTS: Type.String({ minLength: 1 }),
  CASSANDRA_LOCAL_DATACENTER: Type.String({ minLength: 1, default: 'datacenter1' }),
  /**
   * Replication of keyspaces this job creates, as JSON, e.g.
   * `{"class":"NetworkTopologyStrategy","dc1":3}`. Default: SimpleStrategy, factor 1.
   * Existing keyspaces keep their replication.
   */
  CASSANDRA_REPLICATION: Type.Optional(Type.String({ minLength: 2 })),
  /** Prepended to every keyspace folder name (tests, several stacks on one cluster). */
  CASSANDRA_KEYSPACE_PREFIX: Type.String({ pattern: '^([a-z][a-z0-9_]*)?$', default: '' }),
  /** Folder of `<keyspace>/NNN-name.cql` folders; relative to the working directory. */
  CASSANDRA_CQL_DIR: Type.String({ minLength: 1, default: 'infra/cassandra/cql' }),
  ELASTICSEARCH_URL: Type.String({ pattern: '^https?://[^\\s]+$' }),
  /** Prepended to every index, template and alias name (same meaning as in the apps). */
  ELASTICSEARCH_INDEX_PREFIX: Type.String({ pattern: '^([a-z0-9][a-z0-9_.-]*)?$', default: '' }),
  /** Folder of `<index>.json` index templates; relative to the working directory. */
  ELASTICSEARCH_INDICES_DIR: Type.String({ minLength: 1, default: 'infra/elasticsearch/indices' }),
  /** How long to wait for both stores to answer before giving up. */
  STORES_READY_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 1_800_000, default: 120_000 }),
});

export interface StoreMigrationsConfig {
  cassandra: {
    contactPoints: string[];
    localDataCenter: string;
    replication: Record<string, string | number> | undefined;
    keyspacePrefix: string;
    cqlDir: string;
  };
  elasticsearch: { url: string; indexPrefix: string; indicesDir: string };
  readyTimeoutMs: number;
}

function parseReplication(raw: string | undefined): Record<string, string | number> | undefined {
  if (raw === undefined) return undefined;
  const problem = `CASSANDRA_REPLICATION: expected a JSON object of strings/numbers with a "class", e.g. {"class":"NetworkTopologyStrategy","dc1":3} (got ${JSON.stringify(raw)})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError([problem]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError([problem]);
  const replication: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new ConfigError([problem]);
    replication[key] = value;
  }
  if (typeof replication.class !== 'string') throw new ConfigError([problem]);
  return replication;
}

/** Parses the environment once, failing with every problem listed. Folders resolve against `cwd`. */
export function loadStoreMigrationsConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): StoreMigrationsConfig {
  const e = parseEnv(StoreMigrationsEnvSchema, env);
  const contactPoints = e.CASSANDRA_CONTACT_POINTS.split(',')
    .map((point) => point.trim())
    .filter((point) => point !== '');
  if (contactPoints.length === 0) {
    throw new ConfigError([
      `CASSANDRA_CONTACT_POINTS: no host in ${JSON.stringify(e.CASSANDRA_CONTACT_POINTS)}`,
    ]);
  }
  return {
    cassandra: {
      contactPoints,
      localDataCenter: e.CASSANDRA_LOCAL_DATACENTER,
      replication: parseReplication(e.CASSANDRA_REPLICATION),
      keyspacePrefix: e.CASSANDRA_KEYSPACE_PREFIX,
      cqlDir: resolve(cwd, e.CASSANDRA_CQL_DIR),
    },
    elasticsearch: {
      url: e.ELASTICSEARCH_URL.replace(/\/+$/, ''),
      indexPrefix: e.ELASTICSEARCH_INDEX_PREFIX,
      indicesDir: resolve(cwd, e.ELASTICSEARCH_INDICES_DIR),
    },
    readyTimeoutMs: e.STORES_READY_TIMEOUT_MS,
  };
}
