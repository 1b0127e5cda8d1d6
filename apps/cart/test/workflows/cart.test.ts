import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCouponUpdate,
  attachShopperUpdate,
  cartHoldId,
  cartQuery,
  cartWorkflowId,
  changeQuantityUpdate,
  removeCouponUpdate,
  removeItemUpdate,
  type CartView,
} from '@commerce/contracts/cart';
import { acceptedUpdates } from '@commerce/test-kit/worker';
import {
  addItemWithStart,
  cartHandle,
  cartSettings,
  newCartId,
  startCartHarness,
  updateFailureType,
  type CartHarness,
} from '../support/cart-harness.js';

const CATALOG = {
  'TEE-BLK-M': { stock: 1000, price: 2500 },
  'MUG-WHT': { stock: 1000, price: 1200 },
  'CAP-RED': { stock: 5, price: 1800 },
  'SOCK-EUR': { stock: 100, price: 900, currency: 'EUR' },
};

let h: CartHarness;
beforeAll(async () => {
  h = await startCartHarness(CATALOG);
  const at = new Date().toISOString();
  const write = (code: string, definition: Parameters<typeof h.coupons.upsert>[0]['definition']) =>
    h.coupons.upsert({ code, definition, actor: 'test', at });
  await write('TENOFF', { description: '10% off', discount: { type: 'percentage', percent: 10 }, active: true });
  await write('FIVER', { description: '5 off', discount: { type: 'fixed', amount: { amount: 500, currency: 'USD' } }, active: true });
  await write('OLD', { description: 'expired', discount: { type: 'percentage', percent: 50 }, expiresAt: '2020-01-01T00:00:00.000Z', active: true });
  await write('BIG', {
    description: '20% over 50',
    discount: { type: 'percentage', percent: 20 },
    minimumSubtotal: { amount: 5000, currency: 'USD' },
    active: true,
  });
  await write('OFF', { description: 'inactive', discount: { type: 'percentage', percent: 10 }, active: false });
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe('cartWorkflow', () => {
  it('two concurrent first add-items (update-with-start) make one cart with both lines', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings() };
    await Promise.all([
      addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 2 }),
      addItemWithStart(h.client, input, { sku: 'MUG-WHT', quantity: 1 }),
    ]);
    const view = await cartHandle(h.client, cartId).query(cartQuery);
    expect(view.version).toBe(2);
    expect(view.lines.map((l) => l.lineId)).toEqual(['l1', 'l2']);
    expect(view.lines.every((l) => l.stockHeld)).toBe(true);
    expect(new Set(view.lines.map((l) => l.sku))).toEqual(new Set(['TEE-BLK-M', 'MUG-WHT']));
    expect(view.totals).toEqual({
      subtotal: { amount: 2 * 2500 + 1200, currency: 'USD' },
      discount: { amount: 0, currency: 'USD' },
      estimatedTax: { amount: 0, currency: 'USD' },
      total: { amount: 6200, currency: 'USD' },
    });
    expect(h.inventory.held(cartHoldId(cartId))).toEqual({ 'TEE-BLK-M': 2, 'MUG-WHT': 1 });
    const { executions } = await h.client.workflowService.listWorkflowExecutions({
      namespace: h.client.options.namespace,
      query: `WorkflowId = '${cartWorkflowId(cartId)}'`,
    });
    expect(executions.length).toBeLessThanOrEqual(1);
  }, 30_000);

  it('applies each of 250 updates exactly once across continue-as-new, re-sent update ids included', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings({ continueAsNewAfterUpdates: 100 }) };
    const handle = cartHandle(h.client, cartId);
    let adds = 0;
    let last: CartView | undefined;
    const send = (i: number): Promise<CartView> => {
      const updateId = `u-${cartId}-${i}`;
      if (i === 1 || i % 3 === 0) return addItemWithStart(h.client, input, { sku: 'MUG-WHT', quantity: 1 }, updateId);
      return handle.executeUpdate(attachShopperUpdate, { args: [{ email: `s${i}@example.com` }], updateId });
    };
    let runId: string | undefined;
    const runs = new Set<string>();
    for (let i = 1; i <= 250; i += 1) {
      last = await send(i);
      if (i === 1 || i % 3 === 0) adds += 1;
      expect(last.version).toBe(i);
      // re-sent ids: within a run (Temporal's own dedup) and right after a run change (the cart's ring)
      if (i % 40 === 0) {
        // Temporal answers a re-sent id of the same run with the first outcome; after a run change the cart answers its current view
        expect([i - 1, i]).toContain((await send(i - 1)).version);
        expect((await handle.query(cartQuery)).version).toBe(i);
      }
      const described = await handle.describe();
      if (described.runId !== runId) {
        runId = described.runId;
        runs.add(runId);
        if (runs.size > 1) {
          const again = await send(i - 2);
          expect(again.version).toBe(i);
          const view = await handle.query(cartQuery);
          expect(view.lines).toHaveLength(1);
          expect(view.lines[0]!.quantity).toBe(adds);
          expect(view.shopper?.email).toBeDefined();
        }
      }
    }
    expect(runs.size).toBeGreaterThanOrEqual(3);
    const view = await handle.query(cartQuery);
    expect(view.version).toBe(250);
    expect(view.lines).toEqual([expect.objectContaining({ lineId: 'l1', sku: 'MUG-WHT', quantity: adds, stockHeld: true })]);
    expect(view.shopper).toEqual({ email: 's250@example.com' });
    expect(h.inventory.held(cartHoldId(cartId))).toEqual({ 'MUG-WHT': adds });
  }, 120_000);

  it('out of stock fails the update with InsufficientStockError, cart and holds unchanged; unknown SKU fails UnknownSkuError', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings() };
    const handle = cartHandle(h.client, cartId);
    await addItemWithStart(h.client, input, { sku: 'CAP-RED', quantity: 3 });
    const before = await handle.query(cartQuery);
    const availableBefore = h.inventory.available('CAP-RED');
    expect(await updateFailureType(addItemWithStart(h.client, input, { sku: 'CAP-RED', quantity: 3 }))).toBe('InsufficientStockError');
    expect(await updateFailureType(handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 9 }] }))).toBe('InsufficientStockError');
    expect(await updateFailureType(addItemWithStart(h.client, input, { sku: 'NOPE-404', quantity: 1 }))).toBe('UnknownSkuError');
    const after = await handle.query(cartQuery);
    expect(after.version).toBe(before.version);
    expect(after.lines).toEqual(before.lines);
    expect(h.inventory.available('CAP-RED')).toBe(availableBefore);
    expect(h.inventory.held(cartHoldId(cartId))).toEqual({ 'CAP-RED': 3 });
    // another currency is refused too
    expect(await updateFailureType(addItemWithStart(h.client, input, { sku: 'SOCK-EUR', quantity: 1 }))).toBe('CartCurrencyMismatchError');
    // remove gives the units back
    const removed = await handle.executeUpdate(removeItemUpdate, { args: [{ lineId: 'l1' }] });
    expect(removed.lines).toEqual([]);
    expect(removed.currency).toBeNull();
    expect(h.inventory.held(cartHoldId(cartId))).toEqual({});
    h.inventory.assertConserved();
  }, 30_000);

  it('validators refuse bad input before anything enters history', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings() };
    const handle = cartHandle(h.client, cartId);
    await addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 1 });
    const accepted = await acceptedUpdates(handle);
    expect(accepted).toBe(1);
    expect(await updateFailureType(handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 0 }] }))).toBe('InvalidCartInputError');
    expect(await updateFailureType(handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 100 }] }))).toBe('CartQuantityLimitError');
    expect(await updateFailureType(handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l7', quantity: 2 }] }))).toBe('CartLineNotFoundError');
    expect(await updateFailureType(handle.executeUpdate(removeItemUpdate, { args: [{ lineId: 'l9' }] }))).toBe('CartLineNotFoundError');
    expect(await updateFailureType(handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'no spaces!' }] }))).toBe('InvalidCartInputError');
    expect(await updateFailureType(addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 99 }))).toBe('CartQuantityLimitError');
    expect(await acceptedUpdates(handle)).toBe(accepted);
    expect((await handle.query(cartQuery)).version).toBe(1);
  }, 30_000);

  it('refuses the 51st line in the validator', async () => {
    const many: Record<string, { stock: number; price: number }> = {};
    for (let i = 0; i < 51; i += 1) many[`SKU-${i}`] = { stock: 10, price: 100 };
    const h2 = await startCartHarness(many);
    try {
      const cartId = newCartId();
      const input = { cartId, settings: cartSettings() };
      for (let i = 0; i < 50; i += 1) await addItemWithStart(h2.client, input, { sku: `SKU-${i}`, quantity: 1 });
      const handle = cartHandle(h2.client, cartId);
      const accepted = await acceptedUpdates(handle);
      expect(await updateFailureType(addItemWithStart(h2.client, input, { sku: 'SKU-50', quantity: 1 }))).toBe('CartTooManyLinesError');
      expect(await acceptedUpdates(handle)).toBe(accepted);
      const view = await handle.query(cartQuery);
      expect(view.lines).toHaveLength(50);
      expect(h2.inventory.count('describeSkus')).toBe(50);
    } finally {
      await h2.stop();
    }
  }, 60_000);

  it('coupons: percentage, fixed, expired, minimum subtotal (stops applying when the subtotal drops), unknown', async () => {
    const cartId = newCartId();
    const input = { cartId, settings: cartSettings({ estimatedTaxRateBps: 1000 }) };
    const handle = cartHandle(h.client, cartId);
    await addItemWithStart(h.client, input, { sku: 'TEE-BLK-M', quantity: 1 }); // 2500
    let view = await handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'tenoff' }] });
    expect(view.coupon).toMatchObject({ code: 'TENOFF', applies: true });
    expect(view.totals).toEqual({
      subtotal: { amount: 2500, currency: 'USD' },
      discount: { amount: 250, currency: 'USD' },
      estimatedTax: { amount: 225, currency: 'USD' },
      total: { amount: 2475, currency: 'USD' },
    });
    view = await handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'FIVER' }] });
    expect(view.totals.discount.amount).toBe(500);
    expect(view.totals.total.amount).toBe(2000 + 200);
    expect(await updateFailureType(handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'OLD' }] }))).toBe('CouponNotApplicableError');
    expect(await updateFailureType(handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'NOSUCH' }] }))).toBe('CouponNotFoundError');
    expect(await updateFailureType(handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'OFF' }] }))).toBe('CouponNotFoundError');
    expect(await updateFailureType(handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'BIG' }] }))).toBe('CouponNotApplicableError');
    expect((await handle.query(cartQuery)).coupon?.code).toBe('FIVER');
    view = await handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 2 }] }); // 5000
    view = await handle.executeUpdate(applyCouponUpdate, { args: [{ code: 'BIG' }] });
    expect(view.coupon).toMatchObject({ code: 'BIG', applies: true });
    expect(view.totals.discount.amount).toBe(1000);
    const version = view.version;
    view = await handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 1 }] });
    expect(view.version).toBe(version + 1);
    expect(view.coupon).toMatchObject({ code: 'BIG', applies: false, reason: 'below_minimum_subtotal' });
    expect(view.totals.discount.amount).toBe(0);
    view = await handle.executeUpdate(changeQuantityUpdate, { args: [{ lineId: 'l1', quantity: 3 }] });
    expect(view.coupon).toMatchObject({ code: 'BIG', applies: true });
    view = await handle.executeUpdate(removeCouponUpdate);
    expect(view.coupon).toBeNull();
    expect(view.totals.discount.amount).toBe(0);
  }, 30_000);
});
