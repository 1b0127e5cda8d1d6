import { ApplicationFailure } from '@temporalio/common';
import { OmsFailure } from '@commerce/contracts/oms';
import type { Static, TSchema } from '@sinclair/typebox';
import { isValid, schemaProblems } from '../validation/check-schema.js';

/** Refuses input that breaks its schema (non-retryable InvalidOmsInputError) before anything is touched. */
export function requireValid<S extends TSchema>(schema: S, input: unknown, what: string): Static<S> {
  if (isValid(schema, input)) return input;
  throw ApplicationFailure.create({
    type: OmsFailure.InvalidInput,
    message: `invalid ${what}: ${schemaProblems(schema, input).join('; ')}`,
    nonRetryable: true,
  });
}
