import type { CatalogReadModelWriter } from '@commerce/catalog-search';
import type { CatalogSources } from '../catalog/catalog-sources.js';
import type { CatalogRepository } from '../ports/catalog-repository.js';
import type { StockChangeNotifier } from '../ports/stock-change-notifier.js';
import type { StockRepository } from '../ports/stock-repository.js';

/** Everything the inventory activities need; the worker builds it from config. */
export interface InventoryActivityDeps {
  catalog: CatalogRepository;
  stock: StockRepository;
  readModel: CatalogReadModelWriter;
  notifier: StockChangeNotifier;
  catalogSources: CatalogSources;
  /** Low-stock threshold given to SKUs created by an import. */
  lowStockThreshold: number;
  /** The activities' clock (tests may pin it); defaults to the system clock. */
  now?: () => Date;
}

export const nowIso = (deps: Pick<InventoryActivityDeps, 'now'>): string => (deps.now ? deps.now() : new Date()).toISOString();
