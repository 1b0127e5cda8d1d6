import { makeActivityFailures, makeRequireValid } from '@commerce/activity-kit/failures';
import { CartFailure, type CartFailureType } from '@commerce/contracts/cart';

/** An expected failure of the cart's activities (a contract failure type). */
export class CartError extends Error {
  constructor(
    readonly type: CartFailureType,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'CartError';
  }
}

export const isCartError = (error: unknown): error is CartError => error instanceof CartError;

/** Cart failures leave an activity as non-retryable ApplicationFailures of their type. */
export const withCartFailures = makeActivityFailures({ isExpected: isCartError });

/** Refuses input that breaks its schema (InvalidCartInputError) before the store is touched. */
export const requireValid = makeRequireValid((message, problems) => new CartError(CartFailure.InvalidInput, message, { problems }));
