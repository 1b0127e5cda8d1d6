// Test workflows standing in for OMS (registered on OMS_TASK_QUEUE in a test namespace): the
// order workflow that fulfillment signals, collecting every fulfillmentStatus it receives.
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import type { FulfillmentStatusUpdate } from '@commerce/contracts/fulfillment';
import { fulfillmentStatusSignal } from '@commerce/contracts/oms';

export const receivedStatusesQuery = defineQuery<FulfillmentStatusUpdate[]>('receivedStatuses');
export const stopStandInSignal = defineSignal('stopStandIn');

export async function omsStandInWorkflow(): Promise<FulfillmentStatusUpdate[]> {
  const received: FulfillmentStatusUpdate[] = [];
  let stopped = false;
  setHandler(fulfillmentStatusSignal, (update) => {
    received.push(update);
  });
  setHandler(receivedStatusesQuery, () => received);
  setHandler(stopStandInSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return received;
}
