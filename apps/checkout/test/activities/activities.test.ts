import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CART_TASK_QUEUE, CART_WORKFLOW, cartWorkflowId } from '@commerce/contracts/cart';
import { orderSagaQuery, orderSagaWorkflowId, type OrderSagaInput } from '@commerce/contracts/order-saga';
import { createCheckoutActivities } from '../../src/activities/index.js';
import { DEFAULT_CHARGES_RULES } from '../../src/config.js';
import { buildOrderInput } from '../../src/domain/order-input.js';
import { initialCheckoutView, withCharges } from '../../src/domain/checkout-view.js';
import { ADDRESS_CA, ADDRESS_GB, checkoutInput, usd } from '../support/fixtures.js';
import { eventually } from '@commerce/test-kit/worker';
import { startCheckoutHarness, type CheckoutHarness } from '../support/checkout-harness.js';
import { finishSagaSignal, standInCartQuery } from '../support/stand-in-workflows.js';

let h: CheckoutHarness;
let activities: ReturnType<typeof createCheckoutActivities>;
beforeAll(async () => {
  h = await startCheckoutHarness();
  activities = createCheckoutActivities({ rules: DEFAULT_CHARGES_RULES, client: h.client });
});
afterAll(async () => {
  await h?.stop();
});

let n = 0;
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${(++n).toString()}`;

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

function order(cartId: string, token: string): OrderSagaInput {
  const input = checkoutInput(cartId, `${cartId}-co1`);
  const view = withCharges(
    { ...initialCheckoutView(input, new Date().toISOString()), step: 'review', shippingAddress: ADDRESS_CA, paymentMethod: { type: 'card', token } },
    input.cart,
    { shipping: usd(0), tax: usd(398), shippingRule: 'a', taxRule: 'b' },
  );
  return buildOrderInput({ view, cart: input.cart, attempt: 1, holdId: input.holdId, checkoutWorkflowId: 'checkout:x', placedAt: new Date().toISOString(), settings: input.settings.order });
}

describe('quoteCharges', () => {
  it('quotes from the configured rules and refuses unserved countries and bad input', async () => {
    const quote = await activities.quoteCharges({ address: ADDRESS_GB, merchandise: usd(1_000), weightGrams: 100 });
    expect(quote).toMatchObject({ shipping: usd(699), tax: usd(200) });
    const unserved = await failureOf(activities.quoteCharges({ address: { ...ADDRESS_GB, country: 'JP' }, merchandise: usd(1_000), weightGrams: 0 }));
    expect(unserved).toMatchObject({ type: 'ShippingUnavailableError', nonRetryable: true });
    const bad = await failureOf(activities.quoteCharges({ address: ADDRESS_GB, merchandise: usd(-1), weightGrams: 0 }));
    expect(bad).toMatchObject({ type: 'InvalidCheckoutInputError', nonRetryable: true });
  });
});

describe('lockCart', () => {
  it('locks once per (checkout, version, attempt) and refuses a stale version as CartChangedError', async () => {
    const cartId = unique('lock');
    const cart = await h.client.workflow.start(CART_WORKFLOW, { workflowId: cartWorkflowId(cartId), taskQueue: CART_TASK_QUEUE, args: [{ version: 5 }] });
    const input = { cartWorkflowId: cartWorkflowId(cartId), checkoutId: `${cartId}-co1`, cartVersion: 5, attempt: 1 };
    await activities.lockCart(input);
    await activities.lockCart(input); // a retried activity: the same update id
    expect((await cart.query(standInCartQuery)).locks).toHaveLength(1);
    await activities.lockCart({ ...input, attempt: 2 });
    expect((await cart.query(standInCartQuery)).locks).toHaveLength(2);

    const stale = await failureOf(activities.lockCart({ ...input, cartVersion: 4, attempt: 3 }));
    expect(stale).toMatchObject({ type: 'CartChangedError', nonRetryable: true });
    const missing = await failureOf(activities.lockCart({ ...input, cartWorkflowId: cartWorkflowId(unique('nocart')) }));
    expect(missing).toMatchObject({ type: 'CartNotActiveError', nonRetryable: true });
  });
});

describe('placeOrder', () => {
  it('is idempotent per order id: one saga, the same decision, also after the saga finished', async () => {
    const input = order(unique('place'), 'tok_visa');
    const first = await activities.placeOrder(input);
    const again = await activities.placeOrder(input);
    expect(first).toMatchObject({ orderId: input.orderId, outcome: 'accepted' });
    expect(again).toEqual(first);
    const saga = h.client.workflow.getHandle(orderSagaWorkflowId(input.orderId));
    const state = (await saga.query(orderSagaQuery)) as unknown as { attempts: { placements: number } };
    expect(state.attempts.placements).toBe(1);

    await saga.signal(finishSagaSignal);
    await saga.result();
    const afterwards = await activities.placeOrder(input);
    expect(afterwards).toEqual(first);
    // one saga run ever for the order id (visibility is eventually consistent: wait for it to list)
    const runs = await eventually(async () => {
      const found = [];
      for await (const run of h.client.workflow.list({ query: `WorkflowId = '${orderSagaWorkflowId(input.orderId)}'` })) found.push(run.runId);
      return found.length > 0 ? found : undefined;
    }, { what: 'the saga listed' });
    expect(runs).toHaveLength(1);
  });

  it('answers a decline the same way on every retry', async () => {
    const input = order(unique('declined'), 'tok_chargeDeclined');
    const first = await activities.placeOrder(input);
    expect(first).toMatchObject({ outcome: 'declined', code: 'PaymentDeclinedError' });
    expect(await activities.placeOrder(input)).toEqual(first);
    const saga = h.client.workflow.getHandle(orderSagaWorkflowId(input.orderId));
    await saga.signal(finishSagaSignal);
    await saga.result();
    expect(await activities.placeOrder(input)).toEqual(first);
  });

  it('refuses an order that breaks the saga input schema', async () => {
    const input = order(unique('bad'), 'tok_visa');
    const bad = await failureOf(activities.placeOrder({ ...input, confirmationNumber: 'lower' }));
    expect(bad).toMatchObject({ type: 'InvalidCheckoutInputError', nonRetryable: true });
  });
});
