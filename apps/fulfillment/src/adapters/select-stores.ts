import type { SearchSettings, WriteStoreSettings } from '@commerce/config';
import { connectDomainKeyspace } from '@commerce/cassandra-store';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import type { SqliteDatabase } from '@commerce/sqlite-store';
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

export interface SelectedWriteStores {
  supplierOrders: SupplierOrderRepository;
  notifications: NotificationLog;
  description: string;
  /** Shuts the Cassandra client down (the SQLite database is the caller's). */
  close: () => Promise<void>;
}

/**
 * The write store STORE selects: the embedded profile's SQLite database (migrated here), or the
 * fulfillment keyspace in Cassandra (created and migrated here when SCHEMA_SETUP is on).
 */
export async function selectWriteStores(
  settings: WriteStoreSettings,
  db: SqliteDatabase,
): Promise<SelectedWriteStores> {
  if (settings.store === 'sqlite') {
    migrateFulfillment(db);
    return {
      supplierOrders: createSqliteSupplierOrderRepository({ db }),
      notifications: createSqliteNotificationLog({ db }),
      description: `sqlite ${db.name}`,
      close: () => Promise.resolve(),
    };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: 'fulfillment',
    applicationName: 'fulfillment-worker',
  });
  return {
    supplierOrders: createCassandraSupplierOrderRepository({ client }),
    notifications: createCassandraNotificationLog({ client }),
    description,
    close,
  };
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
