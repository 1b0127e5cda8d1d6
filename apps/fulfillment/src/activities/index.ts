import type { FulfillmentActivities } from '@commerce/contracts/fulfillment';
import type { FulfillmentActivityDeps } from './activity-deps.js';
import { createDropshipActivities } from './dropship-activities.js';
import { makeNotifyShopper } from './notify-shopper.js';
import { makeRecordSupplierOrder } from './record-supplier-order.js';
import { makeStartFulfillment } from './start-fulfillment.js';

export type { FulfillmentActivityDeps } from './activity-deps.js';

/** Every activity the fulfillment worker registers on its task queue. */
export function createFulfillmentActivities(deps: FulfillmentActivityDeps) {
  return {
    startFulfillment: makeStartFulfillment(deps),
    notifyShopper: makeNotifyShopper(deps),
    recordSupplierOrder: makeRecordSupplierOrder(deps),
    ...createDropshipActivities(deps),
  } satisfies FulfillmentActivities;
}
