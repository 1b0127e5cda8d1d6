import { makeActivityFailures, makeRequireValid } from '@commerce/activity-kit/failures';
import { OrderSagaFailure } from '@commerce/contracts/order-saga';
import { isPaymentError, PaymentError } from '../domain/payment-error.js';

/**
 * Payment failures leave an activity as ApplicationFailures of the contract's type: final
 * (non-retryable) for declines and rule violations, retryable for the provider's transient
 * unavailability. Anything else propagates unchanged, so Temporal retries it.
 */
export const withPaymentFailures = makeActivityFailures({
  isExpected: isPaymentError,
  retryable: (error) => error.retryable,
});

/** Refuses input that breaks its schema before anything is touched (InvalidOrderError). */
export const requireValid = makeRequireValid(
  (message, problems) => new PaymentError(OrderSagaFailure.InvalidOrder, message, { problems }),
);
