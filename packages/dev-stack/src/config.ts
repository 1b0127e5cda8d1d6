import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { parseEnv } from '@commerce/config';
import { findWorkspaceRoot } from '@commerce/process-kit';

const EnvSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  TEMPORAL_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 7233 }),
  TEMPORAL_UI_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8233 }),
  /** Use an already running Temporal frontend instead of starting the dev server. */
  TEMPORAL_ADDRESS: Type.Optional(Type.String({ minLength: 3 })),
  TEMPORAL_NAMESPACE: Type.String({ default: 'default' }),
  /** embedded: SQLite + FTS5. production: Cassandra + Elasticsearch (started locally unless given). */
  PROFILE: Type.Union([Type.Literal('embedded'), Type.Literal('production')], { default: 'embedded' }),
  /** Defaults to .data (embedded) or .data/production (production), so the profiles never share state. */
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Production profile: use these instead of starting Cassandra / Elasticsearch. */
  CASSANDRA_CONTACT_POINTS: Type.Optional(Type.String({ minLength: 3 })),
  CASSANDRA_LOCAL_DATACENTER: Type.String({ default: 'datacenter1' }),
  ELASTICSEARCH_URL: Type.Optional(Type.String({ minLength: 3 })),
  CASSANDRA_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 9042 }),
  CASSANDRA_STORAGE_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 7000 }),
  ELASTICSEARCH_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 9200 }),
  SEED: Type.Integer({ minimum: 0, default: 20_260_101 }),
  SEED_SCALE: Type.Number({ exclusiveMinimum: 0, maximum: 100, default: 1 }),
  LOG_LEVEL: Type.String({ default: 'info' }),
});

export interface DevStackConfig {
  host: string;
  port: number;
  temporalPort: number;
  temporalUiPort: number;
  externalTemporalAddress: string | undefined;
  namespace: string;
  root: string;
  dataDir: string;
  profile: 'embedded' | 'production';
  production: {
    cassandraContactPoints: string | undefined;
    cassandraLocalDataCenter: string;
    elasticsearchUrl: string | undefined;
    cassandraPort: number;
    cassandraStoragePort: number;
    elasticsearchPort: number;
  };
  seed: number;
  seedScale: number;
  logLevel: string;
  /** The environment the stack was started with; children inherit it (PATH, HOME, …). */
  inheritedEnv: Record<string, string | undefined>;
}

export function loadDevStackConfig(env: Record<string, string | undefined> = process.env): DevStackConfig {
  const e: Static<typeof EnvSchema> = parseEnv(EnvSchema, env);
  const root = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new Error('dev-stack must run from inside the Durable Commerce workspace');
  return {
    host: e.HOST,
    port: e.PORT,
    temporalPort: e.TEMPORAL_PORT,
    temporalUiPort: e.TEMPORAL_UI_PORT,
    externalTemporalAddress: e.TEMPORAL_ADDRESS,
    namespace: e.TEMPORAL_NAMESPACE,
    root,
    dataDir: resolveDataDir(root, e.DATA_DIR ?? (e.PROFILE === 'production' ? '.data/production' : '.data')),
    profile: e.PROFILE,
    production: {
      cassandraContactPoints: e.CASSANDRA_CONTACT_POINTS,
      cassandraLocalDataCenter: e.CASSANDRA_LOCAL_DATACENTER,
      elasticsearchUrl: e.ELASTICSEARCH_URL,
      cassandraPort: e.CASSANDRA_PORT,
      cassandraStoragePort: e.CASSANDRA_STORAGE_PORT,
      elasticsearchPort: e.ELASTICSEARCH_PORT,
    },
    seed: e.SEED,
    seedScale: e.SEED_SCALE,
    logLevel: e.LOG_LEVEL,
    inheritedEnv: { ...process.env, ...env },
  };
}

function resolveDataDir(root: string, dir: string): string {
  return isAbsolute(dir) ? dir : resolve(join(root, dir));
}
