import { ApplicationFailure } from '@temporalio/common';
import { FulfillmentFailure } from '@commerce/contracts/fulfillment';
import type { Static, TSchema } from '@sinclair/typebox';
import { FulfillmentError, isFulfillmentError } from '../domain/fulfillment-error.js';
import { isValid, schemaProblems } from '../validation/check-schema.js';

/** Expected business failures become non-retryable ApplicationFailures of the contract's type. */
export function toActivityFailure(error: unknown): unknown {
  if (!isFulfillmentError(error)) return error;
  return ApplicationFailure.create({
    type: error.type,
    message: error.message,
    nonRetryable: true,
    details: error.details === undefined ? [] : [error.details],
  });
}

/** Wraps an activity so FulfillmentErrors leave it as ApplicationFailures; anything else is retried by Temporal. */
export function withFulfillmentFailures<I, O>(
  fn: (input: I) => Promise<O>,
): (input: I) => Promise<O> {
  return async (input) => {
    try {
      return await fn(input);
    } catch (error) {
      throw toActivityFailure(error);
    }
  };
}

/** Refuses input that breaks its schema before anything is touched. */
export function requireValid<S extends TSchema>(
  schema: S,
  input: unknown,
  what: string,
): Static<S> {
  if (isValid(schema, input)) return input;
  const problems = schemaProblems(schema, input);
  throw new FulfillmentError(
    FulfillmentFailure.InvalidInput,
    `invalid ${what}: ${problems.join('; ')}`,
    { problems },
  );
}
