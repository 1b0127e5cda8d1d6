import { ORDER_WORKFLOW, OMS_TASK_QUEUE, orderWorkflowId, type OmsActivities, type OrderWorkflow } from '@commerce/contracts/oms';
import { OrderWorkflowInputSchema } from '@commerce/contracts/oms/schemas';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { OmsActivityDeps } from './activity-deps.js';
import { requireValid } from './oms-failure.js';

/**
 * Starts orderWorkflow (`oms-order:<orderId>`) on the oms queue. The order id is the idempotency
 * key: an id that already has a workflow — running or closed — is never started again
 * (REJECT_DUPLICATE), the existing id is returned instead, so a retried hand-off is harmless.
 */
export function makeStartOrder({ client, projectionFlushMs }: Pick<OmsActivityDeps, 'client' | 'projectionFlushMs'>): OmsActivities['startOrder'] {
  return async (input) => {
    const valid = requireValid(OrderWorkflowInputSchema, input, 'order hand-off');
    const workflowId = orderWorkflowId(valid.order.orderId);
    try {
      await client.workflow.start<OrderWorkflow>(ORDER_WORKFLOW, {
        taskQueue: OMS_TASK_QUEUE,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ ...valid, projectionFlushMs: valid.projectionFlushMs ?? projectionFlushMs }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { workflowId };
  };
}
