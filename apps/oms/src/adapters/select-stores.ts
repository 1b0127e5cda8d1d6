import type { WriteStoreSettings } from '@commerce/config';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import { selectWriteStore, type SelectedWriteStore } from '@commerce/worker-runtime/write-store';
import type { OrderRepository } from '../ports/order-repository.js';
import type { TimelineRepository } from '../ports/timeline-repository.js';
import { createCassandraOrderRepository } from './cassandra/cassandra-order-repository.js';
import { createCassandraTimelineRepository } from './cassandra/cassandra-timeline-repository.js';
import { migrateOms } from './sqlite/migrations.js';
import { createSqliteOrderRepository } from './sqlite/sqlite-order-repository.js';
import { createSqliteTimelineRepository } from './sqlite/sqlite-timeline-repository.js';

/** The orders and their timeline, where they live (for the start-up log line) and `close`. */
export type SelectedStores = SelectedWriteStore<{ orders: OrderRepository; timeline: TimelineRepository }>;

/**
 * The write store STORE selects: the embedded profile's SQLite file (migrated here; pass `db` to
 * share an open one), or the oms keyspace in Cassandra (created and migrated here when `migrate`,
 * idempotently and safely from several replicas).
 */
export function selectStores(
  settings: WriteStoreSettings,
  options: { db?: SqliteDatabase } = {},
): Promise<SelectedStores> {
  return selectWriteStore(
    settings,
    {
      cqlFolder: 'oms',
      applicationName: 'oms-worker',
      migrateSqlite: migrateOms,
      sqlite: (db) => ({
        orders: createSqliteOrderRepository({ db }),
        timeline: createSqliteTimelineRepository({ db }),
      }),
      cassandra: (client) => ({
        orders: createCassandraOrderRepository({ client }),
        timeline: createCassandraTimelineRepository({ client }),
      }),
    },
    options,
  );
}
