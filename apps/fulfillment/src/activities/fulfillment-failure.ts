import { makeActivityFailures, makeRequireValid } from '@commerce/activity-kit/failures';
import { FulfillmentFailure } from '@commerce/contracts/fulfillment';
import { FulfillmentError, isFulfillmentError } from '../domain/fulfillment-error.js';

/** Wraps an activity so FulfillmentErrors leave it as ApplicationFailures; anything else is retried by Temporal. */
export const withFulfillmentFailures = makeActivityFailures({ isExpected: isFulfillmentError });

/** Refuses input that breaks its schema before anything is touched. */
export const requireValid = makeRequireValid(
  (message, problems) =>
    new FulfillmentError(FulfillmentFailure.InvalidInput, message, { problems }),
);
