import type { SqliteDatabase } from '@commerce/sqlite-store';
import { selectWriteStore, type SelectedWriteStore } from '@commerce/worker-runtime/write-store';
import type { WriteStoreSettings } from '../config.js';
import type { CatalogRepository } from '../ports/catalog-repository.js';
import type { StockRepository } from '../ports/stock-repository.js';
import { createCassandraCatalogRepository } from './cassandra/cassandra-catalog-repository.js';
import { createCassandraStockRepository } from './cassandra/cassandra-stock-repository.js';
import { migrateInventory } from './sqlite/migrations.js';
import { createSqliteCatalogRepository } from './sqlite/sqlite-catalog-repository.js';
import { createSqliteStockRepository } from './sqlite/sqlite-stock-repository.js';

/**
 * The catalog's write model; stock, holds and the journal; where they live (for the start-up
 * log line) and `close` (shuts the Cassandra client down; the SQLite database is the caller's).
 */
export type SelectedStores = SelectedWriteStore<{ catalog: CatalogRepository; stock: StockRepository }>;

/**
 * The write store STORE selects: the embedded profile's SQLite database (migrated here), or the
 * inventory keyspace in Cassandra (created and migrated here, idempotently and safely from
 * several replicas at once).
 */
export function selectStores(settings: WriteStoreSettings, db: SqliteDatabase): Promise<SelectedStores> {
  return selectWriteStore(
    settings,
    {
      cqlFolder: 'inventory',
      applicationName: 'inventory-worker',
      migrateSqlite: migrateInventory,
      sqlite: (database) => ({
        catalog: createSqliteCatalogRepository({ db: database }),
        stock: createSqliteStockRepository({ db: database }),
      }),
      cassandra: (client) => ({
        catalog: createCassandraCatalogRepository({ client }),
        stock: createCassandraStockRepository({ client }),
      }),
    },
    { db },
  );
}
