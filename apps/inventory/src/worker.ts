import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { openDatabase } from '@commerce/sqlite-store';
import { createInventoryActivities } from './activities/index.js';
import { selectReadModel } from './adapters/select-read-model.js';
import { selectStores } from './adapters/select-stores.js';
import { createTemporalStockChangeNotifier } from './adapters/temporal/temporal-stock-change-notifier.js';
import { createCatalogSources } from './catalog/catalog-sources.js';
import { projectorSettings, readModelSettings, writeStoreSettings, type InventoryConfig } from './config.js';

/**
 * Wiring only: the inventory worker's stores (selected by config, closed in reverse on shutdown)
 * and its activities. `runWorkerProcess` (main.ts) puts them on the inventory task queue with
 * the inventory workflows.
 */
export async function createInventoryWorker({ config, client, onClose }: WorkerSetupContext<InventoryConfig>): Promise<WorkerSetup> {
  const db = openDatabase({ filename: config.SQLITE_PATH });
  onClose(() => db.close());
  const stores = await selectStores(writeStoreSettings(config), db);
  onClose(stores.close);
  const readModel = await selectReadModel(readModelSettings(config), db);
  onClose(readModel.close);
  return {
    activities: createInventoryActivities({
      catalog: stores.catalog,
      stock: stores.stock,
      readModel: readModel.readModel,
      notifier: createTemporalStockChangeNotifier({ client, settings: projectorSettings(config) }),
      catalogSources: createCatalogSources(),
      lowStockThreshold: config.LOW_STOCK_THRESHOLD,
    }),
    description: { sqlitePath: config.SQLITE_PATH, store: stores.description },
  };
}
