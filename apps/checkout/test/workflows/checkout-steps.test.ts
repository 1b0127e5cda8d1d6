import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelCheckoutUpdate,
  cartChangedSignal,
  setPaymentMethodUpdate,
  setShippingAddressUpdate,
  submitCheckoutUpdate,
} from '@commerce/contracts/checkout';
import { acceptedUpdates, eventually } from '@commerce/test-kit/worker';
import { ADDRESS_CA, ADDRESS_GB, snapshot, usd } from '../support/fixtures.js';
import { expectUpdateFailure, startCheckoutHarness, type CheckoutHarness } from '../support/checkout-harness.js';

const VISA = { paymentMethod: { type: 'card' as const, token: 'tok_visa' } };
let h: CheckoutHarness;
beforeAll(async () => {
  h = await startCheckoutHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('checkout step guards', () => {
  it('refuse updates from the wrong step in the validator: nothing enters history', async () => {
    const c = await h.start('guards');
    await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'CheckoutStepError');
    await expectUpdateFailure(c.handle.executeUpdate(setPaymentMethodUpdate, { args: [VISA] }), 'CheckoutStepError');
    await expectUpdateFailure(
      c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: { ...ADDRESS_CA, country: 'usa' } }] }),
      'InvalidCheckoutInputError',
    );
    expect(await acceptedUpdates(c.handle)).toBe(0);
    expect((await c.view()).step).toBe('shipping');

    // shipping → payment (charges quoted: US-CA, 5500 ships free, 7.25 % tax)
    const atPayment = await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    expect(atPayment).toMatchObject({ step: 'payment', shippingAddress: ADDRESS_CA, charges: { shipping: usd(0), tax: usd(398) } });
    expect(atPayment.totals.total).toEqual(usd(5_500 + 398));
    await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'CheckoutStepError');
    expect(await acceptedUpdates(c.handle)).toBe(1);

    // payment → review; the payment method again from review stays at review
    expect((await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [VISA] })).step).toBe('review');
    expect((await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [VISA] })).step).toBe('review');

    // back-navigation: the address again from review stays at review, charges re-quoted
    const requoted = await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_GB, email: 'ada@example.org' }] });
    expect(requoted).toMatchObject({ step: 'review', email: 'ada@example.org', charges: { shipping: usd(699), tax: usd(1_100), taxRule: 'GB 20%' } });
    expect(requoted.totals.total).toEqual(usd(5_500 + 699 + 1_100));

    // an unserved country fails the update with ShippingUnavailableError and changes nothing
    await expectUpdateFailure(
      c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: { ...ADDRESS_GB, country: 'JP' } }] }),
      'ShippingUnavailableError',
    );
    expect(await c.view()).toMatchObject({ step: 'review', shippingAddress: ADDRESS_GB });

    // cancel → cancelled: releases the snapshot's SKUs, tells the cart `closed`; afterwards everything is closed
    const cancelled = await c.handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'changed my mind' }] });
    expect(cancelled.step).toBe('cancelled');
    expect(await c.handle.result()).toEqual({ checkoutId: c.checkoutId, step: 'cancelled' });
    expect(h.releases.filter((r) => r.holdId === c.input.holdId)).toEqual([
      expect.objectContaining({ holdId: `cart:${c.cartId}`, skus: ['TEE-0001-BLK-M', 'MUG-0001-WHT-OS'] }),
    ]);
    const cart = await c.cartUntil((s) => s.events.length > 0, 'cart told closed');
    expect(cart.events).toEqual([expect.objectContaining({ checkoutId: c.checkoutId, kind: 'closed' })]);
    // renewHold on start and on every step change (the inactivity clock restarts)
    const renewals = h.renewals.filter((r) => r.holdId === c.input.holdId);
    expect(renewals.length).toBeGreaterThanOrEqual(4);
    expect(renewals[0]).toEqual({ holdId: c.input.holdId, ttlSeconds: 3_600 + 300 });
  });

  it('a cancelled checkout refuses everything as closed', async () => {
    const c = await h.start('closed');
    await c.handle.executeUpdate(cancelCheckoutUpdate, { args: [{}] });
    // the workflow has ended: a closed workflow takes no updates at all
    await expect(c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] })).rejects.toThrow();
    expect((await c.view()).step).toBe('cancelled');
  });
});

describe('cart changes during checkout', () => {
  it('a changed cart refuses the old version and accepts the new one, at review, with charges re-quoted', async () => {
    const c = await h.start('changed');
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [VISA] });
    // the shopper removes the mug: 2 × 1500 = 3000, below free shipping
    const smaller = snapshot(c.cartId, 4, { lines: [c.input.cart.lines[0]!], subtotal: usd(3_000) });
    await c.handle.signal(cartChangedSignal, smaller);
    const changed = await eventually(async () => {
      const v = await c.view();
      return v.cartVersion === 4 && v.charges?.shipping.amount === 599 ? v : undefined;
    }, { what: 'version 4 re-quoted' });
    expect(changed).toMatchObject({ step: 'review', lastError: { code: 'checkout_cart_changed' }, charges: { tax: usd(217) } });
    expect(changed.totals.total).toEqual(usd(3_000 + 599 + 217));

    await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'CheckoutCartChangedError');
    await c.setCartVersion(4);
    const done = await c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 4 }] });
    expect(done).toMatchObject({ step: 'completed', orderId: `${c.checkoutId}-o1`, lastError: null });
    const cart = await c.cartUntil((s) => s.events.some((e) => e.kind === 'completed'), 'cart told completed');
    expect(cart.locks).toEqual([{ checkoutId: c.checkoutId, cartVersion: 4 }]);
  });

  it('a cart that moved on refuses the lock: back to review with CheckoutCartChangedError', async () => {
    const c = await h.start('stale');
    await c.handle.executeUpdate(setShippingAddressUpdate, { args: [{ address: ADDRESS_CA }] });
    await c.handle.executeUpdate(setPaymentMethodUpdate, { args: [VISA] });
    await c.setCartVersion(9); // the cart changed but its signal never arrived
    await expectUpdateFailure(c.handle.executeUpdate(submitCheckoutUpdate, { args: [{ cartVersion: 3 }] }), 'CheckoutCartChangedError');
    const view = await c.view();
    expect(view).toMatchObject({ step: 'review', lastError: { code: 'checkout_cart_changed' }, orderAttempts: [] });
    expect((await c.cart()).locked).toBe(false);
  });
});
