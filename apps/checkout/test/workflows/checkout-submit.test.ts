import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelCheckoutUpdate,
  setPaymentMethodUpdate,
  setShippingAddressUpdate,
  submitCheckoutUpdate,
} from '@commerce/contracts/checkout';
import { orderSagaQuery, orderSagaWorkflowId } from '@commerce/contracts/order-saga';
import { ADDRESS_CA, settings, usd } from '../support/fixtures.js';
import { expectUpdateFailure, recordHistory, startCheckoutHarness, type CheckoutHarness } from '../support/checkout-harness.js';

const card = (token: string) => ({ paymentMethod: { type: 'card' as const, token } });
let h: CheckoutHarness;
beforeAll(async () => {
  h = await startCheckoutHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('checkout submit', () => {
  it('a decline returns to payment with the error (cart unlocked); a valid card then completes with order o2', async () => {
    const c = await h.start('decline');
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [card('tok_chargeDeclined')] });

    const failure = await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'PaymentDeclinedError');
    expect(failure.message).toBe('Your card was declined.');
    expect(failure.nonRetryable).toBe(true);
    const declined = await c.view();
    expect(declined).toMatchObject({
      step: 'payment',
      lastError: { code: 'PaymentDeclinedError', message: 'Your card was declined.' },
      orderAttempts: [{ orderId: `${c.checkoutId}-o1`, outcome: 'declined', code: 'PaymentDeclinedError' }],
      orderId: null,
    });
    let cart = await c.cartUntil((s) => s.events.length === 1, 'cart told unlocked');
    expect(cart.events[0]).toMatchObject({ checkoutId: c.checkoutId, kind: 'unlocked' });
    expect(cart.locked).toBe(false);
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toEqual([]);

    // the order saga got the checkout's order: hold, lines, totals, confirmation number
    const saga = await h.client.workflow.getHandle(orderSagaWorkflowId(`${c.checkoutId}-o1`)).query(orderSagaQuery);
    expect(saga.confirmationNumber).toMatch(/^[A-Z0-9]{6,16}$/);
    expect(saga.holdId).toBe(`cart:${c.cartId}`);

    expect((await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [card('tok_visa')] })).step).toBe('review');
    const completed = await c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] });
    expect(completed).toMatchObject({
      step: 'completed',
      orderId: `${c.checkoutId}-o2`,
      lastError: null,
      totals: { total: usd(5_500 + 398) },
      orderAttempts: [
        { orderId: `${c.checkoutId}-o1`, outcome: 'declined', code: 'PaymentDeclinedError' },
        { orderId: `${c.checkoutId}-o2`, outcome: 'accepted' },
      ],
    });
    expect(await c.handle.result()).toEqual({ checkoutId: c.checkoutId, step: 'completed', orderId: `${c.checkoutId}-o2` });
    cart = await c.cartUntil((s) => s.events.length === 2, 'cart told completed');
    expect(cart.events[1]).toMatchObject({ kind: 'completed', orderId: `${c.checkoutId}-o2` });
    expect(cart.locks).toEqual([
      { checkoutId: c.checkoutId, cartVersion: 3 },
      { checkoutId: c.checkoutId, cartVersion: 3 },
    ]);
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toEqual([]);
    await recordHistory(h.client, 'checkout-declined-then-completed', c.handle.workflowId);
  });

  it('expires after timeoutMs without a step: releases the snapshot SKUs, tells the cart closed', async () => {
    const c = await h.start('expiry', { input: { settings: settings({ timeoutMs: 3_000, holdMarginSeconds: 10 }) } });
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    expect(await c.handle.result()).toEqual({ checkoutId: c.checkoutId, step: 'expired' });
    expect((await c.view()).step).toBe('expired');
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toEqual([
      expect.objectContaining({ skus: ['TEE-0001-BLK-M', 'MUG-0001-WHT-OS'] }),
    ]);
    const cart = await c.cartUntil((s) => s.events.length > 0, 'cart told closed');
    expect(cart.events).toEqual([expect.objectContaining({ kind: 'closed' })]);
    // renewed on start and on the step change, for the remaining lifetime plus the margin
    expect(h.renewals.filter((r) => r.holdId === c.input.holdId)).toEqual([
      { holdId: c.input.holdId, ttlSeconds: 3 + 10 },
      { holdId: c.input.holdId, ttlSeconds: 3 + 10 },
    ]);
    await recordHistory(h.client, 'checkout-expired', c.handle.workflowId);
  });

  it('an order the saga refuses for good fails the checkout: released, cart closed', async () => {
    const c = await h.start('failed');
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [card('tok_sagaRefuses')] });
    const failure = await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'CheckoutClosedError');
    expect(failure.message).toMatch(/saga refuses/);
    expect(await c.handle.result()).toEqual({ checkoutId: c.checkoutId, step: 'failed' });
    expect(await c.view()).toMatchObject({
      step: 'failed',
      lastError: { code: 'InvalidOrderError' },
      orderAttempts: [{ orderId: `${c.checkoutId}-o1`, outcome: 'declined', code: 'InvalidOrderError' }],
    });
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toHaveLength(1);
    const cart = await c.cartUntil((s) => s.events.length > 0, 'cart told closed');
    expect(cart.events[0]).toMatchObject({ kind: 'closed' });
  });

  it('cancel from payment releases and closes the same way', async () => {
    const c = await h.start('cancel');
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    expect((await c.handle.executeUpdate(cancelCheckoutUpdate, { args: [{}] })).step).toBe('cancelled');
    expect(await c.handle.result()).toEqual({ checkoutId: c.checkoutId, step: 'cancelled' });
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toHaveLength(1);
    const cart = await c.cartUntil((s) => s.events.length > 0, 'cart told closed');
    expect(cart.events[0]).toMatchObject({ kind: 'closed' });
  });
});
