import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { openOrderSearch } from '@commerce/order-search/open';
import { openDatabase } from '@commerce/sqlite-store';
import { createOmsActivities } from './activities/index.js';
import { selectStores } from './adapters/select-stores.js';
import { omsSearchSettings, omsWriteStoreSettings, type OmsConfig } from './config.js';

/**
 * Wiring only: the OMS worker's stores and orders search projection (selected by config, closed
 * in reverse on shutdown) and its activities. `runWorkerProcess` (main.ts) puts them on the oms
 * task queue with the OMS workflows.
 */
export async function createOmsWorker({ config, client, onClose }: WorkerSetupContext<OmsConfig>): Promise<WorkerSetup> {
  const writeStore = omsWriteStoreSettings(config);
  const searchSettings = omsSearchSettings(config);
  // One connection to the shared SQLite file when either side lives there (none in production).
  const db = writeStore.store === 'sqlite' || searchSettings.engine === 'sqlite' ? openDatabase({ filename: config.SQLITE_PATH }) : undefined;
  if (db !== undefined) onClose(() => db.close());
  const stores = await selectStores(writeStore, { ...(db !== undefined && { db }) });
  onClose(stores.close);
  const search = await openOrderSearch({ search: searchSettings, ...(db !== undefined && { db }) });
  onClose(search.close);
  return {
    activities: createOmsActivities({
      orders: stores.orders,
      timeline: stores.timeline,
      search: search.search,
      client,
      projectionFlushMs: config.ORDER_PROJECTION_FLUSH_MS,
    }),
    description: { store: stores.description, search: search.description, projectionFlushMs: config.ORDER_PROJECTION_FLUSH_MS },
  };
}
