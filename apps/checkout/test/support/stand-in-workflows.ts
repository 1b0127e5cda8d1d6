// Stand-ins of the cart and the order saga, registered on their REAL task queues in the test
// namespace: just enough of each for the checkout to talk to.
import { ApplicationFailure, condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import {
  CartFailure,
  checkoutEventSignal,
  lockForCheckoutUpdate,
  type CartView,
  type CheckoutEvent,
  type LockForCheckoutRequest,
} from '@commerce/contracts/cart';
import {
  OrderSagaFailure,
  orderSagaQuery,
  placeOrderUpdate,
  type OrderSagaInput,
  type OrderSagaResult,
  type OrderSagaState,
  type PlacementDecision,
} from '@commerce/contracts/order-saga';

export interface StandInCartState {
  version: number;
  locked: boolean;
  locks: LockForCheckoutRequest[];
  events: CheckoutEvent[];
}
export const setCartVersionSignal = defineSignal<[number]>('standInSetCartVersion');
export const standInCartQuery = defineQuery<StandInCartState>('standInCart');

/** The cart: lockForCheckout answers by version (CartChangedError otherwise); checkout events are recorded. */
export async function cartWorkflow(input: { version: number }): Promise<void> {
  const state: StandInCartState = { version: input.version, locked: false, locks: [], events: [] };
  setHandler(standInCartQuery, () => state);
  setHandler(setCartVersionSignal, (version) => {
    state.version = version;
  });
  setHandler(
    lockForCheckoutUpdate,
    (request) => {
      state.locked = true;
      state.locks.push(request);
      return { version: state.version, checkout: { checkoutId: request.checkoutId, workflowId: '', locked: true } } as unknown as CartView;
    },
    {
      validator: (request: LockForCheckoutRequest) => {
        if (request.cartVersion !== state.version)
          throw ApplicationFailure.create({ type: CartFailure.Changed, message: `cart is at version ${state.version.toString()}`, nonRetryable: true });
      },
    },
  );
  setHandler(checkoutEventSignal, (event) => {
    state.events.push(event);
    if (event.kind !== 'completed') state.locked = false;
  });
  await condition(() => false);
}

export const finishSagaSignal = defineSignal('standInFinishSaga');

/** The order saga: placeOrder declines `tok_chargeDeclined`, refuses `tok_sagaRefuses` (InvalidOrderError), accepts anything else; ends when told. */
export async function orderSagaWorkflow(input: OrderSagaInput): Promise<OrderSagaResult> {
  let placements = 0;
  const saga: { decision: PlacementDecision | null } = { decision: null };
  let finished = false;
  setHandler(placeOrderUpdate, () => {
    placements++;
    if (input.paymentMethod.token === 'tok_sagaRefuses')
      throw ApplicationFailure.create({ type: OrderSagaFailure.InvalidOrder, message: 'the saga refuses this order', nonRetryable: true });
    saga.decision ??=
      input.paymentMethod.token === 'tok_chargeDeclined'
        ? { orderId: input.orderId, outcome: 'declined', status: 'declined', code: OrderSagaFailure.PaymentDeclined, reason: 'Your card was declined.' }
        : { orderId: input.orderId, outcome: 'accepted', status: 'capturing_payment' };
    return saga.decision;
  });
  setHandler(
    orderSagaQuery,
    () => ({ orderId: input.orderId, confirmationNumber: input.confirmationNumber, status: saga.decision?.status ?? 'pending', placement: saga.decision, attempts: { placements }, holdId: input.holdId ?? '' }) as unknown as OrderSagaState,
  );
  setHandler(finishSagaSignal, () => {
    finished = true;
  });
  await condition(() => finished);
  return { orderId: input.orderId, status: saga.decision?.status ?? 'pending' };
}
