import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  ORDER_SAGA_TASK_QUEUE,
  ORDER_SAGA_WORKFLOW,
  OrderSagaFailure,
  orderSagaQuery,
  orderSagaWorkflowId,
  placeOrderUpdate,
  type OrderSagaInput,
  type OrderSagaWorkflow,
  type PlacementDecision,
} from '@commerce/contracts/order-saga';
import { OrderSagaInputSchema } from '@commerce/contracts/order-saga/schemas';
import { requireValidInput, withCheckoutFailures } from './checkout-failure.js';
import { updateRefusal } from './temporal-errors.js';

/** The update id of an order's placement: a retried activity is the same update. */
export const placeUpdateId = (orderId: string): string => `place:${orderId}`;

/**
 * placeOrder: update-with-start of the order saga (`order:<orderId>`, USE_EXISTING while it
 * runs, REJECT_DUPLICATE once it closed) with placeOrderUpdate, answering the saga's early
 * decision. Idempotent per order id: a retry while the saga runs is the same update (same id);
 * after the saga finished the start is refused and the decision is read from its query's
 * `placement`. A refused placement (InvalidOrderError …) fails non-retryable with its type.
 */
export function makePlaceOrder(client: Client): (input: OrderSagaInput) => Promise<PlacementDecision> {
  return withCheckoutFailures(async (raw) => {
    const input = requireValidInput(OrderSagaInputSchema, raw, 'order');
    const workflowId = orderSagaWorkflowId(input.orderId);
    const startWorkflowOperation = new WithStartWorkflowOperation<OrderSagaWorkflow>(ORDER_SAGA_WORKFLOW, {
      workflowId,
      taskQueue: ORDER_SAGA_TASK_QUEUE,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    });
    try {
      return await client.workflow.executeUpdateWithStart(placeOrderUpdate, {
        startWorkflowOperation,
        updateId: placeUpdateId(input.orderId),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return finishedSagaDecision(client, workflowId, input.orderId);
      const refusal = updateRefusal(error);
      if (refusal !== null) throw refusal;
      throw error;
    }
  });
}

/** The decision of a saga that already closed (its query still answers). */
async function finishedSagaDecision(client: Client, workflowId: string, orderId: string): Promise<PlacementDecision> {
  const state = await client.workflow.getHandle<OrderSagaWorkflow>(workflowId).query(orderSagaQuery);
  if (state.placement) return state.placement;
  if (state.status === 'declined')
    return {
      orderId,
      outcome: 'declined',
      status: state.status,
      code: state.lastError?.code ?? OrderSagaFailure.PaymentDeclined,
      ...(state.lastError ? { reason: state.lastError.message } : {}),
    };
  throw ApplicationFailure.create({
    type: OrderSagaFailure.InvalidOrder,
    message: `the order saga ${workflowId} ended (${state.status}) without answering the placement`,
    nonRetryable: true,
  });
}
