import type { Static } from '@sinclair/typebox';
import { orderQuery, orderWorkflowId, type OrderView } from '@commerce/contracts/oms';
import {
  orderSagaQuery,
  orderSagaWorkflowId,
  type OrderSagaState,
} from '@commerce/contracts/order-saga';
import { HttpProblem } from '../errors/http-problem.js';
import type { OrderDetailsSchema, OrderLinksSchema } from '../routes/orders/schemas.js';
import type { WorkflowRunner } from '../temporal/workflow-runner.js';

export type OrderDetails = Static<typeof OrderDetailsSchema>;
export type OrderLinks = Static<typeof OrderLinksSchema>;

export const orderPath = (orderId: string): string => `/v1/orders/${encodeURIComponent(orderId)}`;

export const orderLinks = (workflows: WorkflowRunner, orderId: string): OrderLinks => ({
  self: orderPath(orderId),
  temporalUi: workflows.uiUrl(orderSagaWorkflowId(orderId)),
});

export const orderNotFound = (orderId: string): HttpProblem =>
  new HttpProblem('order_not_found', `No order has the id '${orderId}'.`);

/**
 * An order as clients see it: the saga's state (payment, approval, compensations) and, once the
 * payment is captured, OMS's order view; `status` is OMS's once it has the order, else the saga's.
 * What the caller already has (an update's result) is used as is; the rest is queried. No saga →
 * 404 order_not_found.
 */
export async function readOrderDetails(
  workflows: WorkflowRunner,
  orderId: string,
  known: { saga?: OrderSagaState; order?: OrderView } = {},
): Promise<OrderDetails> {
  const [saga, order] = await Promise.all([
    known.saga ?? workflows.query(orderSagaWorkflowId(orderId), orderSagaQuery),
    known.order ?? workflows.query(orderWorkflowId(orderId), orderQuery),
  ]);
  if (!saga) throw orderNotFound(orderId);
  return {
    orderId,
    confirmationNumber: saga.confirmationNumber,
    status: order?.status ?? saga.status,
    saga,
    order: order ?? null,
    links: orderLinks(workflows, orderId),
  };
}
