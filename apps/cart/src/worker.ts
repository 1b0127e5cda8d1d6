import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { createCartActivities } from './activities/index.js';
import { selectCartStores } from './adapters/select-stores.js';
import { cartWriteStore, type CartConfig } from './config.js';

/** Wiring only: the coupon store (selected by config, closed on shutdown) and the cart activities. */
export async function createCartWorker({ config, onClose }: WorkerSetupContext<CartConfig>): Promise<WorkerSetup> {
  const stores = await selectCartStores(cartWriteStore(config));
  onClose(stores.close);
  return {
    activities: createCartActivities({ coupons: stores.coupons }),
    description: { store: stores.description },
  };
}
