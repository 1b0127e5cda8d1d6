import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';

/**
 * A refused or failed update of another domain's workflow, as this activity's own non-retryable
 * ApplicationFailure of the SAME type (e.g. the cart's CartChangedError): retrying a business
 * refusal cannot help, and the workflow reads the type. Null for anything else (let it retry).
 */
export function updateRefusal(error: unknown): ApplicationFailure | null {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  const cause = error.cause;
  if (cause instanceof ApplicationFailure)
    return ApplicationFailure.create({
      type: cause.type ?? 'ApplicationFailure',
      message: cause.message,
      nonRetryable: true,
      details: cause.details ?? [],
    });
  return ApplicationFailure.create({
    type: 'UpdateFailedError',
    message: cause?.message ?? error.message,
    nonRetryable: true,
  });
}
