import type { SearchSettings, WriteStoreSettings } from '@commerce/config';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import { selectWriteStore, type SelectedWriteStore } from '@commerce/worker-runtime/write-store';
import type { NotificationLog } from '../ports/notification-log.js';
import type { SupplierOrderRepository } from '../ports/supplier-order-repository.js';
import type { SupplierOrderSearch } from '../ports/supplier-order-search.js';
import { createCassandraNotificationLog } from './cassandra/cassandra-notification-log.js';
import { createCassandraSupplierOrderRepository } from './cassandra/cassandra-supplier-order-repository.js';
import { createElasticsearchSupplierOrderSearch } from './elasticsearch/elasticsearch-supplier-order-search.js';
import { installSupplierOrderIndex } from './elasticsearch/supplier-order-index.js';
import { migrateFulfillment, migrateFulfillmentSearch } from './sqlite/migrations.js';
import { createSqliteNotificationLog } from './sqlite/sqlite-notification-log.js';
import { createSqliteSupplierOrderRepository } from './sqlite/sqlite-supplier-order-repository.js';
import { createSqliteSupplierOrderSearch } from './sqlite/sqlite-supplier-order-search.js';

/**
 * Supplier orders and the notification log, where they live (for the start-up log line) and
 * `close` (shuts the Cassandra client down; the SQLite database is the caller's).
 */
export type SelectedWriteStores = SelectedWriteStore<{
  supplierOrders: SupplierOrderRepository;
  notifications: NotificationLog;
}>;

/**
 * The write store STORE selects: the embedded profile's SQLite database (migrated here), or the
 * fulfillment keyspace in Cassandra (created and migrated here when SCHEMA_SETUP is on).
 */
export function selectWriteStores(
  settings: WriteStoreSettings,
  db: SqliteDatabase,
): Promise<SelectedWriteStores> {
  return selectWriteStore(
    settings,
    {
      cqlFolder: 'fulfillment',
      applicationName: 'fulfillment-worker',
      migrateSqlite: migrateFulfillment,
      sqlite: (database) => ({
        supplierOrders: createSqliteSupplierOrderRepository({ db: database }),
        notifications: createSqliteNotificationLog({ db: database }),
      }),
      cassandra: (client) => ({
        supplierOrders: createCassandraSupplierOrderRepository({ client }),
        notifications: createCassandraNotificationLog({ client }),
      }),
    },
    { db },
  );
}

export interface SelectedSearch {
  search: SupplierOrderSearch;
  description: string;
  close: () => Promise<void>;
}

/** The `supplier_orders` projection SEARCH selects: a SQLite table, or the Elasticsearch index. */
export async function selectSearch(
  settings: SearchSettings,
  db: SqliteDatabase,
): Promise<SelectedSearch> {
  if (settings.engine === 'sqlite') {
    migrateFulfillmentSearch(db);
    return {
      search: createSqliteSupplierOrderSearch({ db }),
      description: `sqlite ${db.name}`,
      close: () => Promise.resolve(),
    };
  }
  const client = createElasticsearchClient({ node: settings.url });
  try {
    if (settings.installIndices)
      await installSupplierOrderIndex(client, { prefix: settings.indexPrefix });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    search: createElasticsearchSupplierOrderSearch({ client, indexPrefix: settings.indexPrefix }),
    description: `elasticsearch ${settings.url} index ${settings.indexPrefix}supplier_orders`,
    close: () => client.close(),
  };
}
