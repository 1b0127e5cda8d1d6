import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * An activity's business failure (an ApplicationFailure of one of `types`) raised again as an
 * ApplicationFailure of the SAME type from the workflow or update, so callers see the type itself
 * (not wrapped in an ActivityFailure). Anything else is rethrown as it is.
 */
export function rethrowTyped(error: unknown, types: readonly string[]): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && types.includes(error.cause.type ?? '')) {
    const cause = error.cause;
    throw ApplicationFailure.create({
      type: cause.type ?? undefined,
      message: cause.message,
      nonRetryable: true,
      details: cause.details ? [...cause.details] : [],
    });
  }
  throw error;
}

/** The ApplicationFailure type of an activity's failure, if it has one. */
export function activityFailureType(error: unknown): string | undefined {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) return error.cause.type ?? undefined;
  return undefined;
}
