import type { FulfillmentActivities } from '@commerce/contracts/fulfillment';
import {
  DropshipCancelRequestSchema,
  DropshipOrderRefSchema,
  DropshipOrderRequestSchema,
} from '@commerce/contracts/fulfillment/schemas';
import type { FulfillmentActivityDeps } from './activity-deps.js';
import { requireValid, withFulfillmentFailures } from './fulfillment-failure.js';

type DropshipActivities = Pick<
  FulfillmentActivities,
  'submitDropshipOrder' | 'getDropshipOrderStatus' | 'cancelDropshipOrder'
>;

/** The dropship-api strategy's calls to the dropshipper (the DropshipApi port). */
export function createDropshipActivities(
  deps: Pick<FulfillmentActivityDeps, 'dropshipper'>,
): DropshipActivities {
  const { dropshipper } = deps;
  return {
    submitDropshipOrder: withFulfillmentFailures(async (input) =>
      dropshipper.submitOrder(requireValid(DropshipOrderRequestSchema, input, 'dropship order')),
    ),
    getDropshipOrderStatus: withFulfillmentFailures(async (input) =>
      dropshipper.getOrder(
        requireValid(DropshipOrderRefSchema, input, 'dropship order reference').externalReference,
      ),
    ),
    cancelDropshipOrder: withFulfillmentFailures(async (input) => {
      const valid = requireValid(DropshipCancelRequestSchema, input, 'dropship cancellation');
      return dropshipper.cancelOrder(valid.externalReference, valid.reason);
    }),
  };
}
