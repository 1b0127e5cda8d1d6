import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * The ApplicationFailure an activity ended with, when it is an expected business failure
 * (non-retryable, e.g. inventory's InvalidHoldTransition); undefined for anything else.
 */
export function businessFailureOf(error: unknown): ApplicationFailure | undefined {
  if (
    error instanceof ActivityFailure &&
    error.cause instanceof ApplicationFailure &&
    error.cause.nonRetryable
  )
    return error.cause;
  return undefined;
}
