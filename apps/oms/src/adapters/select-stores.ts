import { connectDomainKeyspace } from '@commerce/cassandra-store';
import type { WriteStoreSettings } from '@commerce/config';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import type { OrderRepository } from '../ports/order-repository.js';
import type { TimelineRepository } from '../ports/timeline-repository.js';
import { createCassandraOrderRepository } from './cassandra/cassandra-order-repository.js';
import { createCassandraTimelineRepository } from './cassandra/cassandra-timeline-repository.js';
import { migrateOms } from './sqlite/migrations.js';
import { createSqliteOrderRepository } from './sqlite/sqlite-order-repository.js';
import { createSqliteTimelineRepository } from './sqlite/sqlite-timeline-repository.js';

export interface SelectedStores {
  orders: OrderRepository;
  timeline: TimelineRepository;
  /** Where they live, for the start-up log line. */
  description: string;
  /** Releases the database or the Cassandra client. */
  close: () => Promise<void>;
}

/**
 * The write store STORE selects: the embedded profile's SQLite file (migrated here; pass `db` to
 * share an open one), or the oms keyspace in Cassandra (created and migrated here when `migrate`,
 * idempotently and safely from several replicas).
 */
export async function selectStores(
  settings: WriteStoreSettings,
  options: { db?: SqliteDatabase } = {},
): Promise<SelectedStores> {
  if (settings.store === 'sqlite') {
    const db = options.db ?? openDatabase({ filename: settings.sqlitePath });
    migrateOms(db);
    return {
      orders: createSqliteOrderRepository({ db }),
      timeline: createSqliteTimelineRepository({ db }),
      description: `sqlite ${db.name}`,
      close: () => {
        if (options.db === undefined) db.close();
        return Promise.resolve();
      },
    };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: 'oms',
    applicationName: 'oms-worker',
  });
  return {
    orders: createCassandraOrderRepository({ client }),
    timeline: createCassandraTimelineRepository({ client }),
    description,
    close,
  };
}
