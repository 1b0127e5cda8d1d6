// Stand-ins for the other domains' workflows in OMS's workflow tests (bundled for the test
// workers on the real `order-saga` and `fulfillment` queues of a fresh namespace).
import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import { cancelFulfillmentSignal, type FulfillmentInput } from '@commerce/contracts/fulfillment';
import { orderProgressSignal, type OrderProgress, type OrderSagaResult } from '@commerce/contracts/order-saga';

export const sagaProgressQuery = defineQuery<OrderProgress[]>('sagaProgress');
export const fulfillmentCancellationsQuery = defineQuery<{ reason: string; cancelledBy: string }[]>('fulfillmentCancellations');

/** Plays the order saga: records every orderProgress; ends failed (compensated) on a failure, delivered on delivery. */
export async function sagaStandInWorkflow(input: { orderId: string }): Promise<OrderSagaResult> {
  const progress: OrderProgress[] = [];
  setHandler(sagaProgressQuery, () => progress);
  setHandler(orderProgressSignal, (p) => {
    progress.push(p);
  });
  await condition(() => progress.some((p) => p.failed || p.status === 'delivered' || p.status === 'cancelled'));
  const last = progress.find((p) => p.failed || p.status === 'delivered' || p.status === 'cancelled');
  return { orderId: input.orderId, status: last?.failed ? 'failed' : last?.status === 'cancelled' ? 'cancelled' : 'delivered' };
}

/** Plays fulfillment: records cancelFulfillment signals (the test sends the status signals itself). */
export async function fulfillmentStandInWorkflow(input: FulfillmentInput): Promise<{ orderId: string }> {
  const cancellations: { reason: string; cancelledBy: string }[] = [];
  setHandler(fulfillmentCancellationsQuery, () => cancellations);
  setHandler(cancelFulfillmentSignal, (c) => {
    cancellations.push(c);
  });
  await condition(() => cancellations.length > 0);
  return { orderId: input.orderId };
}
