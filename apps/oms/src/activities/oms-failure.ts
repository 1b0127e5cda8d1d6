import { makeRequireValid, toApplicationFailure } from '@commerce/activity-kit/failures';
import { OmsFailure } from '@commerce/contracts/oms';

/** Refuses input that breaks its schema (non-retryable InvalidOmsInputError) before anything is touched. */
export const requireValid = makeRequireValid((message, problems) =>
  toApplicationFailure({ type: OmsFailure.InvalidInput, message, details: { problems } }),
);
