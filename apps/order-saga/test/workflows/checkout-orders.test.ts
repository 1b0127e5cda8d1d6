import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@commerce/test-kit/worker';
import { cancelOrderUpdate, OrderSagaFailure } from '@commerce/contracts/order-saga';
import {
  compensations,
  newOrderId,
  orderInput,
  SKUS,
  startSagaHarness,
  type SagaHarness,
} from '../support/saga-harness.js';

/**
 * Checkout orders (input.holdId set): the saga confirms only the order's SKUs of the checkout's
 * (cart's) hold; stopped before acceptance it gives them back as `held`, after acceptance it releases them.
 */
describe('orderSagaWorkflow with a checkout hold (dev server, real saga worker, inventory and OMS stand-ins)', () => {
  let h: SagaHarness;
  beforeAll(async () => {
    h = await startSagaHarness();
  });
  afterAll(() => h?.stop());

  /** The cart's hold: the order's lines (lamp ×2, mug ×1), plus a tee line that was removed from the cart (released). */
  async function cartHold(name: string, { removedTee }: { removedTee: boolean }): Promise<string> {
    const holdId = `cart:${newOrderId(name)}`;
    await h.inventory.activities.holdStock({
      holdId,
      owner: holdId,
      lines: [
        { sku: SKUS.lamp, quantity: 2 },
        { sku: SKUS.mug, quantity: 1 },
        ...(removedTee ? [{ sku: SKUS.tee, quantity: 1 }] : []),
      ],
      ttlSeconds: 60,
    });
    if (removedTee) await h.inventory.activities.releaseHold({ holdId, skus: [SKUS.tee] });
    return holdId;
  }

  const checkoutOrder = (
    orderId: string,
    holdId: string,
    patch: Parameters<typeof orderInput>[1] = {},
  ) =>
    orderInput(orderId, {
      source: 'checkout',
      holdId,
      checkoutWorkflowId: `checkout:${holdId}-co1`,
      ...patch,
    });

  it('declined: the order lines go back to held (not released) before the answer, the hold outlives the saga', async () => {
    const holdId = await cartHold('declined', { removedTee: true });
    const before = h.inventory.holds.get(holdId)?.expiresAt ?? '';
    const orderId = newOrderId('co-decline');
    const { decision, handle } = await h.place(
      checkoutOrder(orderId, holdId, {
        paymentMethod: { type: 'card', token: 'tok_chargeDeclined' },
      }),
    );
    expect(decision).toMatchObject({
      orderId,
      outcome: 'declined',
      status: 'declined',
      code: OrderSagaFailure.PaymentDeclined,
    });
    // Answered only once the stock is back with the checkout: held again, with a fresh expiry (settings.holdTtlSeconds = 900).
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'held',
      [SKUS.mug]: 'held',
      [SKUS.tee]: 'released',
    });
    const expiresAt = h.inventory.holds.get(holdId)?.expiresAt ?? '';
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.parse(before));
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(800_000);
    expect(await handle.result()).toEqual({ orderId, status: 'declined' });
    const state = await h.state(orderId);
    expect(state.holdId).toBe(holdId);
    expect(compensations(state)).toEqual(['reopen_stock:done']);
    expect(h.inventory.calls).toContain(`confirmHold ${holdId} ${SKUS.lamp},${SKUS.mug}`);
    expect(h.inventory.calls).toContain(`reopenHold ${holdId} ${SKUS.lamp},${SKUS.mug}`);
    expect(h.inventory.calls.filter((c) => c.startsWith(`releaseHold ${holdId}`))).toHaveLength(1); // the cart's own removal only
    expect(await h.checkInvariants(orderId)).toEqual(['decline']);
  });

  it('accepted: the order lines are confirmed; cancelled after acceptance, they are released', async () => {
    const holdId = await cartHold('accepted', { removedTee: false });
    const orderId = newOrderId('co-accept');
    const input = checkoutOrder(orderId, holdId);
    const { decision, handle } = await h.place(input);
    expect(decision).toEqual({ orderId, outcome: 'accepted', status: 'capturing_payment' });
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'confirmed',
      [SKUS.mug]: 'confirmed',
    });
    const started = await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
    expect(started.order.holdId).toBe(holdId);
    await h.progress(orderId, 'processing');
    const after = await handle.executeUpdate(cancelOrderUpdate, {
      args: [{ cancelledBy: 'admin:grace', reason: 'customer called' }],
    });
    expect(after.status).toBe('cancelled');
    expect(compensations(after)).toEqual([
      'cancel_order:done',
      'refund_payment:done',
      'release_stock:done',
    ]);
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'released',
      [SKUS.mug]: 'released',
    });
    expect(h.inventory.calls.some((c) => c.startsWith(`reopenHold ${holdId}`))).toBe(false);
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture', 'refund']);
  });

  it('a cart hold with a released line of a removed item: the confirm (and the capture check) succeed', async () => {
    const holdId = await cartHold('removed', { removedTee: true });
    const orderId = newOrderId('co-removed');
    const { decision } = await h.place(checkoutOrder(orderId, holdId));
    expect(decision).toMatchObject({ outcome: 'accepted' });
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'confirmed',
      [SKUS.mug]: 'confirmed',
      [SKUS.tee]: 'released',
    });
    // Past the capture check (it looks only at the order's SKUs) and handed to OMS.
    const state = await h.until(orderId, 'fulfilling');
    expect(state.payment.captured).toEqual(checkoutOrder(orderId, holdId).totals.total);
    await h.progress(orderId, 'delivered');
    expect(await h.handle(orderId).result()).toEqual({ orderId, status: 'delivered' });
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'confirmed',
      [SKUS.mug]: 'confirmed',
      [SKUS.tee]: 'released',
    });
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
  });

  it('a refused confirm (an order line the cart released) declines with the inventory type; the held lines stay held', async () => {
    const holdId = await cartHold('refused', { removedTee: true });
    const orderId = newOrderId('co-refused');
    const input = checkoutOrder(orderId, holdId);
    const tee = { ...input.lines[1]!, sku: SKUS.tee, title: 'Tee', productId: 'p-tee' };
    const { decision } = await h.place({ ...input, lines: [...input.lines, tee] });
    expect(decision).toMatchObject({
      outcome: 'declined',
      status: 'declined',
      code: 'InvalidHoldTransitionError',
    });
    expect(h.inventory.statuses(holdId)).toEqual({
      [SKUS.lamp]: 'held',
      [SKUS.mug]: 'held',
      [SKUS.tee]: 'released',
    });
    expect(compensations(await h.state(orderId))).toEqual(['reopen_stock:done']);
    expect(await h.checkInvariants(orderId)).toEqual([]);
  });
});
