import {
  createCassandraClient,
  migrateKeyspace,
  type MigrateKeyspaceResult,
} from '@commerce/cassandra-store';
import {
  createElasticsearchClient,
  installIndexTemplates,
  type InstalledIndex,
} from '@commerce/elasticsearch-store';
import type { StoreMigrationPlan } from './migration-plan.js';

export interface RunStoreMigrationsOptions {
  plan: StoreMigrationPlan;
  cassandra: {
    contactPoints: string[];
    localDataCenter: string;
    /** Replication of keyspaces created now; default SimpleStrategy/1 (see migrateKeyspace). */
    replication?: Record<string, string | number> | undefined;
  };
  elasticsearchUrl: string;
  log?: (line: string) => void;
}

export interface StoreMigrationsReport {
  keyspaces: MigrateKeyspaceResult[];
  indices: InstalledIndex[];
  durationMs: number;
}

/**
 * Migrates every planned keyspace (one client each: `migrateKeyspace` leaves its client bound to
 * the keyspace), then installs every index template. Idempotent: a second run applies no CQL
 * file and creates no index. Stops at the first failure; what was applied stays applied.
 */
export async function runStoreMigrations(
  options: RunStoreMigrationsOptions,
): Promise<StoreMigrationsReport> {
  const { plan, cassandra, elasticsearchUrl, log } = options;
  const started = Date.now();
  const keyspaces: MigrateKeyspaceResult[] = [];
  for (const planned of plan.keyspaces) {
    const client = createCassandraClient({
      contactPoints: cassandra.contactPoints,
      localDataCenter: cassandra.localDataCenter,
      applicationName: 'store-migrations',
    });
    try {
      const result = await migrateKeyspace(client, {
        keyspace: planned.keyspace,
        cqlDir: planned.cqlDir,
        ...(cassandra.replication === undefined ? {} : { replication: cassandra.replication }),
      });
      keyspaces.push(result);
      log?.(
        result.applied.length === 0
          ? `keyspace ${result.keyspace}: up to date (versions ${result.alreadyApplied.join(', ')})`
          : `keyspace ${result.keyspace}: applied ${result.applied
              .map((m) => `${String(m.version).padStart(3, '0')}-${m.name} (${m.durationMs} ms)`)
              .join(', ')}`,
      );
    } finally {
      await client.shutdown().catch(() => undefined);
    }
  }
  const es = createElasticsearchClient({ node: elasticsearchUrl });
  let indices: InstalledIndex[];
  try {
    indices = await installIndexTemplates(es, { dir: plan.indicesDir, prefix: plan.indexPrefix });
  } finally {
    await es.close().catch(() => undefined);
  }
  for (const index of indices) {
    const what = index.created
      ? 'created'
      : index.mappingUpdated
        ? 'mappings updated'
        : 'up to date';
    log?.(`index ${index.index}: ${what} (template ${index.template})`);
  }
  return { keyspaces, indices, durationMs: Date.now() - started };
}
