import { createSqliteCatalogReadModel, migrateCatalogReadModel } from '@commerce/catalog-search/sqlite';
import type { CatalogReadModel } from '@commerce/catalog-search';
import { createSqliteCatalogRepository } from '../../src/adapters/sqlite/sqlite-catalog-repository.js';
import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import { createCatalogSources } from '../../src/catalog/catalog-sources.js';
import type { InventoryActivityDeps } from '../../src/activities/index.js';
import type { CatalogRepository } from '../../src/ports/catalog-repository.js';
import type { StockChangeNotifier } from '../../src/ports/stock-change-notifier.js';
import type { StockRepository } from '../../src/ports/stock-repository.js';
import { createTempDatabase, type TempDatabase } from './temp-database.js';

export interface InventoryStores {
  temp: TempDatabase;
  catalog: CatalogRepository;
  stock: StockRepository;
  readModel: CatalogReadModel;
  /** Activity dependencies on these stores, with the given notifier. */
  deps(notifier: StockChangeNotifier): InventoryActivityDeps;
}

/** The embedded profile's stores on one fresh SQLite file: write model and catalog read model. */
export function createInventoryStores(prefix = 'inventory-'): InventoryStores {
  const temp = createTempDatabase(prefix);
  migrateCatalogReadModel(temp.db);
  const readModel = createSqliteCatalogReadModel({ db: temp.db });
  const catalog = createSqliteCatalogRepository({ db: temp.db });
  const stock = createSqliteStockRepository({ db: temp.db });
  const catalogSources = createCatalogSources();
  return {
    temp,
    catalog,
    stock,
    readModel,
    deps: (notifier) => ({ catalog, stock, readModel, notifier, catalogSources, lowStockThreshold: 5 }),
  };
}
