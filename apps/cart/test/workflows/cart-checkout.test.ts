import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachShopperUpdate,
  beginCheckoutUpdate,
  cartHoldId,
  cartQuery,
  changeQuantityUpdate,
  lockForCheckoutUpdate,
  removeItemUpdate,
} from '@commerce/contracts/cart';
import { checkoutWorkflowId } from '@commerce/contracts/checkout';
import { eventually } from '@commerce/test-kit/worker';
import { addItemWithStart, cartHandle, cartSettings, newCartId, startCartHarness, updateFailureType, type CartHarness } from '../support/cart-harness.js';
import { sendEventSignal, standInQuery } from '../support/checkout-stand-in-workflows.js';
import { recordHistory } from '../support/record-history.js';

const CATALOG = { 'TEE-BLK-M': { stock: 100, price: 2500 }, 'MUG-WHT': { stock: 100, price: 1200 } };

let h: CartHarness;
beforeAll(async () => {
  h = await startCartHarness(CATALOG);
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe('cart holds', () => {
  it('renews the hold while active, releases it after the keep-alive window, holds again on the next change', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings({ holdTtlSeconds: 3, holdKeepAliveMs: 7_000 }) };
    const handle = cartHandle(h.client, cartId);
    await addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 2 });
    const holdId = cartHoldId(cartId);
    const renewals = () => h.inventory.calls.filter((c) => c === `renewHold ${holdId}`).length;
    await eventually(() => (renewals() >= 2 ? true : undefined), { timeoutMs: 10_000, what: 'two renewals' });
    expect(h.inventory.held(holdId)).toEqual({ 'TEE-BLK-M': 2 });
    const released = await eventually(
      async () => {
        const view = await handle.query(cartQuery);
        return view.lines[0]?.stockHeld === false ? view : undefined;
      },
      { timeoutMs: 15_000, what: 'the keep-alive release' },
    );
    expect(released.version).toBe(1);
    expect(h.inventory.held(holdId)).toEqual({});
    const count = renewals();
    await new Promise((r) => setTimeout(r, 2_500));
    expect(renewals()).toBe(count); // no renewal of a released hold
    const view = await handle.executeUpdate(attachShopperUpdate, { args: [{ email: 'a@example.com' }] });
    expect(view.lines[0]?.stockHeld).toBe(true);
    expect(h.inventory.held(holdId)).toEqual({ 'TEE-BLK-M': 2 });
    h.inventory.assertConserved();
  }, 45_000);
});

describe('cart checkout', () => {
  it('refuses an empty cart; starts one checkout; signals changes; locks; unlocked, closed and completed events', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings() };
    const handle = cartHandle(h.client, cartId);
    await addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 1 });
    await handle.executeUpdate(removeItemUpdate, { args: [{ lineId: 'l1' }] });
    expect(await updateFailureType(handle.executeUpdate(beginCheckoutUpdate, { args: [{}] }))).toBe('CartEmptyError');

    await addItemWithStart(h.client, input, { sku: 'MUG-WHT', quantity: 2 });
    const begun = await handle.executeUpdate(beginCheckoutUpdate, { args: [{}] });
    expect(begun.status).toBe('checking_out');
    const checkoutId = `${cartId}-co1`;
    expect(begun.checkout).toEqual({ checkoutId, workflowId: checkoutWorkflowId(checkoutId), locked: false });
    const again = await handle.executeUpdate(beginCheckoutUpdate, { args: [{}] });
    expect(again.checkout).toEqual(begun.checkout);
    const checkout = h.client.workflow.getHandle(checkoutWorkflowId(checkoutId));
    const started = await checkout.query(standInQuery);
    expect(started.input.cart.lines.map((l) => `${l.sku}:${l.quantity}`)).toEqual(['MUG-WHT:2']);
    expect(started.input.holdId).toBe(cartHoldId(cartId));

    // a change while checking out reaches the checkout before the update answers
    const changed = await handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l2', quantity: 3 }] });
    const seen = await checkout.query(standInQuery);
    expect(seen.snapshots.at(-1)).toMatchObject({ version: changed.version, lines: [expect.objectContaining({ quantity: 3 })] });

    expect(await updateFailureType(handle.executeUpdate(lockForCheckoutUpdate, { args: [{ checkoutId, cartVersion: changed.version - 1 }] }))).toBe('CartChangedError');
    expect(await updateFailureType(handle.executeUpdate(lockForCheckoutUpdate, { args: [{ checkoutId: `${cartId}-co9`, cartVersion: changed.version }] }))).toBe(
      'CartCheckoutMismatchError',
    );
    const locked = await handle.executeUpdate(lockForCheckoutUpdate, { args: [{ checkoutId, cartVersion: changed.version }] });
    expect(locked.checkout?.locked).toBe(true);
    expect(await updateFailureType(handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l2', quantity: 1 }] }))).toBe('CartLockedError');

    await checkout.signal(sendEventSignal, { kind: 'unlocked' });
    await eventually(async () => ((await handle.query(cartQuery)).checkout?.locked === false ? true : undefined));
    await handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l2', quantity: 1 }] });

    await checkout.signal(sendEventSignal, { kind: 'closed' });
    const closed = await eventually(async () => {
      const view = await handle.query(cartQuery);
      return view.status === 'active' ? view : undefined;
    });
    expect(closed.checkout).toBeNull();
    expect(closed.lines.every((l) => !l.stockHeld)).toBe(true);
    // the stand-in checkout "released" the hold; the next change holds again
    const reheld = await handle.executeUpdate(attachShopperUpdate, { args: [{ email: 'b@example.com' }] });
    expect(reheld.lines.every((l) => l.stockHeld)).toBe(true);

    const second = await handle.executeUpdate(beginCheckoutUpdate, { args: [{}] });
    const secondId = `${cartId}-co2`;
    expect(second.checkout?.checkoutId).toBe(secondId);
    await h.client.workflow.getHandle(checkoutWorkflowId(secondId)).signal(sendEventSignal, { kind: 'completed', orderId: `${secondId}-o1` });
    expect(await handle.result()).toEqual({ cartId, status: 'ordered', orderId: `${secondId}-o1` });
    const ordered = await handle.query(cartQuery);
    expect(ordered.status).toBe('ordered');
    expect(ordered.orderId).toBe(`${secondId}-o1`);
    await recordHistory(h.client, 'cart-checkout-ordered', handle.workflowId);
  }, 45_000);
});
