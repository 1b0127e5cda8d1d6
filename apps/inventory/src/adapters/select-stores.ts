import { connectDomainKeyspace } from '@commerce/cassandra-store';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { WriteStoreSettings } from '../config.js';
import type { CatalogRepository } from '../ports/catalog-repository.js';
import type { StockRepository } from '../ports/stock-repository.js';
import { createCassandraCatalogRepository } from './cassandra/cassandra-catalog-repository.js';
import { createCassandraStockRepository } from './cassandra/cassandra-stock-repository.js';
import { migrateInventory } from './sqlite/migrations.js';
import { createSqliteCatalogRepository } from './sqlite/sqlite-catalog-repository.js';
import { createSqliteStockRepository } from './sqlite/sqlite-stock-repository.js';

export interface SelectedStores {
  /** The catalog's write model. */
  catalog: CatalogRepository;
  /** Stock, holds and the journal. */
  stock: StockRepository;
  /** Where they live, for the start-up log line. */
  description: string;
  /** Shuts the Cassandra client down (the SQLite database is the caller's). */
  close: () => Promise<void>;
}

/**
 * The write store STORE selects: the embedded profile's SQLite database (migrated here), or the
 * inventory keyspace in Cassandra (created and migrated here, idempotently and safely from
 * several replicas at once).
 */
export async function selectStores(
  settings: WriteStoreSettings,
  db: SqliteDatabase,
): Promise<SelectedStores> {
  if (settings.store === 'sqlite') {
    migrateInventory(db);
    return {
      catalog: createSqliteCatalogRepository({ db }),
      stock: createSqliteStockRepository({ db }),
      description: `sqlite ${db.name}`,
      close: () => Promise.resolve(),
    };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: 'inventory',
    applicationName: 'inventory-worker',
  });
  return {
    catalog: createCassandraCatalogRepository({ client }),
    stock: createCassandraStockRepository({ client }),
    description,
    close,
  };
}
