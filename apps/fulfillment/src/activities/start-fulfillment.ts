import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  FULFILLMENT_TASK_QUEUE,
  FULFILLMENT_WORKFLOW,
  fulfillmentWorkflowId,
  type FulfillmentActivities,
  type FulfillmentWorkflow,
} from '@commerce/contracts/fulfillment';
import { FulfillmentInputSchema } from '@commerce/contracts/fulfillment/schemas';
import type { FulfillmentActivityDeps } from './activity-deps.js';
import { requireValid, withFulfillmentFailures } from './fulfillment-failure.js';

/**
 * startFulfillment: starts fulfillmentWorkflow for the order (id `fulfillment:<orderId>`), a
 * standalone workflow with its own lifecycle. Idempotent per order id: the id may never be reused
 * (REJECT_DUPLICATE), so a retry — or OMS asking again after the fulfillment finished — gets the
 * existing workflow's id and starts nothing.
 */
export function makeStartFulfillment(
  deps: Pick<FulfillmentActivityDeps, 'client' | 'taskQueue'>,
): FulfillmentActivities['startFulfillment'] {
  const { client, taskQueue = FULFILLMENT_TASK_QUEUE } = deps;
  return withFulfillmentFailures(async (input) => {
    const valid = requireValid(FulfillmentInputSchema, input, 'fulfillment input');
    const workflowId = fulfillmentWorkflowId(valid.orderId);
    try {
      await client.workflow.start<FulfillmentWorkflow>(FULFILLMENT_WORKFLOW, {
        workflowId,
        taskQueue,
        args: [valid],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return { workflowId };
  });
}
