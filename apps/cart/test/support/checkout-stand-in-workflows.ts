// A stand-in for the checkout domain's workflow (registered on the real `checkout` queue of a
// test namespace): records the cart snapshots it is sent, and reports an event to the cart when
// the test tells it to.
import { condition, defineQuery, defineSignal, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import { checkoutEventSignal, type CheckoutEvent } from '@commerce/contracts/cart';
import { cartChangedSignal, type CartSnapshot, type CheckoutWorkflowInput, type CheckoutWorkflowResult } from '@commerce/contracts/checkout';

export interface StandInState {
  input: CheckoutWorkflowInput;
  snapshots: CartSnapshot[];
}
export const standInQuery = defineQuery<StandInState>('standIn');
export const sendEventSignal = defineSignal<[Omit<CheckoutEvent, 'checkoutId'>]>('sendEvent');

export async function checkoutWorkflow(input: CheckoutWorkflowInput): Promise<CheckoutWorkflowResult> {
  const snapshots: CartSnapshot[] = [];
  let event: Omit<CheckoutEvent, 'checkoutId'> | undefined;
  setHandler(cartChangedSignal, (snapshot) => {
    snapshots.push(snapshot);
  });
  setHandler(standInQuery, () => ({ input, snapshots }));
  setHandler(sendEventSignal, (e) => {
    event = e;
  });
  for (;;) {
    await condition(() => event !== undefined);
    const e = event!;
    event = undefined;
    await getExternalWorkflowHandle(input.cartWorkflowId).signal(checkoutEventSignal, { ...e, checkoutId: input.checkoutId });
    if (e.kind === 'completed') return { checkoutId: input.checkoutId, step: 'completed', ...(e.orderId ? { orderId: e.orderId } : {}) };
    if (e.kind === 'closed') return { checkoutId: input.checkoutId, step: 'cancelled' };
  }
}
