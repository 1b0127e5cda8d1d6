import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { createCheckoutActivities } from './activities/index.js';
import { checkoutChargesRules, type CheckoutConfig } from './config.js';

/**
 * Wiring only: the checkout keeps no tables (its state is its workflow), so its activities need
 * just the shipping / tax rules from config and the worker's Temporal client (the cart's lock and
 * the order saga's update-with-start). `runWorkerProcess` (main.ts) puts them on the checkout
 * task queue with the checkout workflow.
 */
export function createCheckoutWorker({ config, client }: WorkerSetupContext<CheckoutConfig>): Promise<WorkerSetup> {
  const rules = checkoutChargesRules(config);
  return Promise.resolve({
    activities: createCheckoutActivities({ rules, client }),
    description: {
      rules: config.CHECKOUT_RULES === undefined ? 'default' : 'CHECKOUT_RULES',
      shippingCountries: Object.keys(rules.shipping).join(','),
    },
  });
}
