import { proxyActivities } from '@temporalio/workflow';
import { INVENTORY_TASK_QUEUE, type InventoryActivities } from '@commerce/contracts/inventory';
import type { FulfillmentActivities } from '@commerce/contracts/fulfillment';

// Unexpected errors are retried until they succeed (stores and inventory may be down for a
// while); expected business failures are non-retryable ApplicationFailures and end the retries.
const backoff = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
} as const;

/** Inventory's hold transitions, on inventory's task queue. */
export const inventory = proxyActivities<
  Pick<InventoryActivities, 'allocateHold' | 'fulfillHold' | 'releaseHold'>
>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: backoff,
});

/** Fulfillment's own store and the dropshipper's API. */
export const fulfillment = proxyActivities<
  Pick<
    FulfillmentActivities,
    'recordSupplierOrder' | 'submitDropshipOrder' | 'getDropshipOrderStatus' | 'cancelDropshipOrder'
  >
>({
  startToCloseTimeout: '30 seconds',
  retry: backoff,
});

/** A notification is worth a few tries, not a stuck supplier order. */
export const notifier = proxyActivities<Pick<FulfillmentActivities, 'notifyShopper'>>({
  startToCloseTimeout: '30 seconds',
  retry: { ...backoff, maximumAttempts: 8 },
});
