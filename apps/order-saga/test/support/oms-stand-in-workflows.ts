// A stand-in for the OMS order workflow, run by the test's `oms` worker: it only records the
// cancellation the saga sends (so a test can see that OMS was told).
import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import {
  orderCancellationSignal,
  type OrderCancellation,
  type OrderWorkflowInput,
  type OrderWorkflowResult,
} from '@commerce/contracts/oms';

export const standInCancellationQuery = defineQuery<OrderCancellation | null>(
  'standInCancellation',
);

export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderWorkflowResult> {
  let cancellation: OrderCancellation | null = null;
  setHandler(orderCancellationSignal, (c) => {
    cancellation = c;
  });
  setHandler(standInCancellationQuery, () => cancellation);
  await condition(() => cancellation !== null);
  return { orderId: input.order.orderId, status: 'cancelled' };
}
