import { Context } from '@temporalio/activity';
import { WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import type { OmsActivities } from '@commerce/contracts/oms';
import type { OrderSagaResult } from '@commerce/contracts/order-saga';
import type { OmsActivityDeps } from './activity-deps.js';

/**
 * Waits for the order's saga to end (it compensates after OMS reported a failure) and returns
 * its final status; null when there is no such saga. Heartbeats while it waits, so a lost worker
 * is noticed and the wait resumes elsewhere; cancelled with the activity.
 */
export function makeAwaitSagaOutcome({ client, heartbeatMs = 10_000 }: Pick<OmsActivityDeps, 'client' | 'heartbeatMs'>): OmsActivities['awaitSagaOutcome'] {
  return async ({ sagaWorkflowId }) => {
    const context = Context.current();
    const beat = setInterval(() => context.heartbeat(), heartbeatMs);
    try {
      const result = (await Promise.race([client.workflow.getHandle(sagaWorkflowId).result(), context.cancelled])) as OrderSagaResult;
      return { status: result.status };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { status: null };
      // A saga that failed as a workflow (not a business outcome) still ran its compensations.
      if (error instanceof WorkflowFailedError) return { status: 'failed' };
      throw error;
    } finally {
      clearInterval(beat);
    }
  };
}
