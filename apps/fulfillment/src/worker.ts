import { openDatabase } from '@commerce/sqlite-store';
import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { createFulfillmentActivities } from './activities/index.js';
import { createSimulatedDropshipper } from './adapters/dropship/simulated-dropshipper.js';
import { selectNotifier } from './adapters/select-notifier.js';
import { selectSearch, selectWriteStores } from './adapters/select-stores.js';
import {
  dropshipSettings,
  fulfillmentSearch,
  fulfillmentWriteStore,
  notifierSettings,
  type FulfillmentConfig,
} from './config.js';

/** Wiring only: the fulfillment worker's stores, notifier, dropshipper and activities from config. */
export async function createFulfillmentWorker({
  config,
  client,
  onClose,
}: WorkerSetupContext<FulfillmentConfig>): Promise<WorkerSetup> {
  const db = openDatabase({ filename: config.SQLITE_PATH });
  onClose(() => db.close());
  const stores = await selectWriteStores(fulfillmentWriteStore(config), db);
  onClose(stores.close);
  const search = await selectSearch(fulfillmentSearch(config), db);
  onClose(search.close);
  const notifier = selectNotifier(notifierSettings(config));
  onClose(() => notifier.close());
  const dropship = dropshipSettings(config);
  return {
    activities: createFulfillmentActivities({
      client,
      supplierOrders: stores.supplierOrders,
      notifications: stores.notifications,
      search: search.search,
      notifier,
      dropshipper: createSimulatedDropshipper(dropship),
    }),
    description: {
      store: stores.description,
      search: search.description,
      notifier: notifier.channel,
      dropshipRejectionRate: dropship.rejectionRate,
      dropshipStageMs: dropship.stageMs,
    },
  };
}
