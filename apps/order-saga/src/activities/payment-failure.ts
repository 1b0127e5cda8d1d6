import { ApplicationFailure } from '@temporalio/common';
import { OrderSagaFailure } from '@commerce/contracts/order-saga';
import type { Static, TSchema } from '@sinclair/typebox';
import { isPaymentError, PaymentError } from '../domain/payment-error.js';
import { isValid, schemaProblems } from '../validation/check-schema.js';

/**
 * Payment failures leave an activity as ApplicationFailures of the contract's type: final
 * (non-retryable) for declines and rule violations, retryable for the provider's transient
 * unavailability. Anything else propagates unchanged, so Temporal retries it.
 */
export function toActivityFailure(error: unknown): unknown {
  if (!isPaymentError(error)) return error;
  return ApplicationFailure.create({
    type: error.type,
    message: error.message,
    nonRetryable: !error.retryable,
    details: error.details === undefined ? [] : [error.details],
  });
}

export function withPaymentFailures<I, O>(fn: (input: I) => Promise<O>): (input: I) => Promise<O> {
  return async (input) => {
    try {
      return await fn(input);
    } catch (error) {
      throw toActivityFailure(error);
    }
  };
}

/** Refuses input that breaks its schema before anything is touched (InvalidOrderError). */
export function requireValid<S extends TSchema>(
  schema: S,
  input: unknown,
  what: string,
): Static<S> {
  if (isValid(schema, input)) return input;
  const problems = schemaProblems(schema, input);
  throw new PaymentError(OrderSagaFailure.InvalidOrder, `invalid ${what}: ${problems.join('; ')}`, {
    problems,
  });
}
