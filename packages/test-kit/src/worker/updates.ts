import type { WorkflowHandle } from '@temporalio/client';

/**
 * How many updates a workflow's history records as accepted (UpdateAccepted events) — over every
 * run of a continue-as-new chain when the handle has no run id. A validator's refusal leaves none.
 */
export async function acceptedUpdates(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes != null).length;
}
