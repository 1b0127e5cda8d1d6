import type { Static, TSchema } from '@sinclair/typebox';
import { ApplicationFailure } from '@temporalio/common';
import { isValid, schemaProblems } from './schema-check.js';

/**
 * An expected business failure of a domain (its `XxxError` class): a failure type from the
 * domain's contracts, a message and optional details.
 */
export interface DomainFailure {
  readonly type: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface DomainFailureRules<E extends DomainFailure> {
  /** The domain's expected failures, e.g. `isInventoryError`. Anything else is left as it is. */
  isExpected: (error: unknown) => error is E;
  /** Whether Temporal may retry this failure (default: never, a business failure is final). */
  retryable?: (error: E) => boolean;
}

/** An ApplicationFailure of the failure's contract type, its details (if any) as the only detail. */
export function toApplicationFailure(
  failure: DomainFailure,
  retryable = false,
): ApplicationFailure {
  return ApplicationFailure.create({
    type: failure.type,
    message: failure.message,
    nonRetryable: !retryable,
    details: failure.details === undefined ? [] : [failure.details],
  });
}

/** An activity of one input object. */
export type Activity<I, O> = (input: I) => Promise<O>;

/**
 * The wrapper of a domain's activities: expected failures (`rules.isExpected`) leave the activity
 * as ApplicationFailures of their contract type (non-retryable unless `rules.retryable`); anything
 * else propagates unchanged, so Temporal retries it.
 */
export function makeActivityFailures<E extends DomainFailure>(
  rules: DomainFailureRules<E>,
): <I, O>(activity: Activity<I, O>) => Activity<I, O> {
  const { isExpected, retryable = () => false } = rules;
  return (activity) => async (input) => {
    try {
      return await activity(input);
    } catch (error) {
      throw isExpected(error) ? toApplicationFailure(error, retryable(error)) : error;
    }
  };
}

/** A domain's input check: the input itself, typed, or the error `invalid` makes of its problems. */
export type RequireValid = <S extends TSchema>(
  schema: S,
  input: unknown,
  what: string,
) => Static<S>;

/**
 * The input check of a domain's activities: refuses input that breaks its schema before anything
 * is touched, with the error `invalid` makes of `invalid <what>: <problems>` (e.g. the domain's
 * XxxError of its contract's InvalidInput type, which the activity wrapper turns into a
 * non-retryable ApplicationFailure).
 */
export function makeRequireValid(
  invalid: (message: string, problems: string[]) => Error,
): RequireValid {
  return (schema, input, what) => {
    if (isValid(schema, input)) return input;
    const problems = schemaProblems(schema, input);
    throw invalid(`invalid ${what}: ${problems.join('; ')}`, problems);
  };
}
