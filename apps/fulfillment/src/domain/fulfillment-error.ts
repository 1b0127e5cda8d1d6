import type { FulfillmentFailureType } from '@commerce/contracts/fulfillment';

/**
 * An expected business failure of the fulfillment domain. Adapters and domain code throw it;
 * activities turn it into a non-retryable ApplicationFailure of the same type. Pure: no Temporal
 * or Node imports, so workflow code may use it too.
 */
export class FulfillmentError extends Error {
  constructor(
    readonly type: FulfillmentFailureType,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = type;
  }
}

export const isFulfillmentError = (error: unknown): error is FulfillmentError =>
  error instanceof FulfillmentError;
