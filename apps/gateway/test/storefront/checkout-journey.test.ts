import { randomUUID } from 'node:crypto';
import { cartHoldId } from '@commerce/contracts/cart';
import { checkoutOrderId } from '@commerce/contracts/checkout';
import { expect, it } from 'vitest';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { describeOnEachProfile, isFinal, useOrderStack } from '../support/order-stack.js';
import { expectProblem } from '../support/problem-assertions.js';
import { holdLines, storefront } from '../support/storefront-client.js';

const TEE_M = 'E2E-TEE-BLK-M'; // 15.00, simulated supplier
const HEADPHONES = 'E2E-HEADPHONES-BLK'; // 599.99, simulated supplier
const TEE_S = 'E2E-TEE-BLK-S';
const CASE = 'E2E-CASE-GRY'; // 159.99, simulated supplier

/**
 * The storefront end to end through the gateway only, on the REAL workers (inventory, cart,
 * checkout, order-saga, oms, fulfillment): search → cart → coupon → checkout → order delivered,
 * and a declined card at submit that returns the checkout to `payment` with the stock still held.
 */
describeOnEachProfile('storefront checkout through the gateway and the real workers', (profile) => {
  const ctx = useOrderStack({ stores: profile });
  const shop = storefront(() => ctx.stack.gateway);

  const skuFromSearch = async (q: string, sku: string): Promise<string> => {
    const found = json<{ items: { variants: { sku: string }[] }[] }>(
      await ctx.c.get(`/v1/products?q=${encodeURIComponent(q)}`),
    );
    const variant = found.items.flatMap((p) => p.variants).find((v) => v.sku === sku);
    expect(variant, `${sku} in the results for "${q}"`).toBeDefined();
    return variant!.sku;
  };

  it('search → cart (2 items, a quantity change, a coupon) → checkout → order delivered, cart ordered', async () => {
    const before = await ctx.stack.stock([TEE_M, HEADPHONES]);
    const tee = await skuFromSearch('basic tee', TEE_M);
    const headphones = await skuFromSearch('headphones', HEADPHONES);

    const cartId = await shop.newCart();
    const one = await shop.addItem(cartId, tee, 1);
    const two = await shop.addItem(cartId, headphones, 1);
    expect(one.version).toBe(1);
    expect(two).toMatchObject({ status: 'active', version: 2, currency: 'USD' });
    expect(two.lines.map((l) => [l.lineId, l.sku, l.quantity, l.stockHeld])).toEqual([
      ['l1', TEE_M, 1, true],
      ['l2', HEADPHONES, 1, true],
    ]);
    expect(two.lines[0]!.product).toMatchObject({ title: 'Basic Tee', unitPrice: { amount: 1_500 } });
    const changed = await shop.changeQuantity(cartId, 'l1', 3);
    expect(changed.totals.subtotal.amount).toBe(3 * 1_500 + 59_999);
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({
      [TEE_M]: 'held:3',
      [HEADPHONES]: 'held:1',
    });

    // A coupon created through the admin route, applied with any case.
    const code = `TENOFF${randomUUID().slice(0, 6).toUpperCase()}`;
    await shop.putCoupon(code, { description: '10 % off', discount: { type: 'percentage', percent: 10 } });
    const couponed = await shop.applyCoupon(cartId, code.toLowerCase());
    const subtotal = 3 * 1_500 + 59_999;
    expect(couponed.coupon).toMatchObject({ code, applies: true });
    expect(couponed.totals).toMatchObject({
      subtotal: { amount: subtotal },
      discount: { amount: Math.floor(subtotal / 10) },
    });

    const begun = await shop.beginCheckout(cartId);
    expect(begun).toMatchObject({ cartId, step: 'shipping', cartVersion: couponed.version });
    const { checkoutId } = begun;
    expect((await shop.cart(cartId)).status).toBe('checking_out');
    const addressed = await shop.setAddress(checkoutId);
    expect(addressed.step).toBe('payment');
    expect(addressed.charges).not.toBeNull();
    const reviewed = await shop.setCard(checkoutId, 'tok_visa');
    expect(reviewed.step).toBe('review');
    const { totals } = reviewed;
    expect(totals.total.amount).toBe(
      totals.subtotal.amount - totals.discount.amount + totals.shipping.amount + totals.tax.amount,
    );

    const submitted = await shop.submit(checkoutId, reviewed.cartVersion, { 'idempotency-key': randomUUID() });
    expect(submitted.statusCode, `${submitted.body}\n${ctx.stack.diagnostics()}`).toBe(200);
    const completed = json<{ step: string; orderId: string }>(submitted);
    const orderId = checkoutOrderId(checkoutId, 1);
    expect(completed).toMatchObject({ step: 'completed', orderId });

    await expect.poll(async () => (await shop.cart(cartId)).status, { timeout: 30_000 }).toBe('ordered');
    expect((await shop.cart(cartId)).orderId).toBe(orderId);
    expectProblem(await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: TEE_M, quantity: 1 }), 409, 'cart_not_active');

    const done = await ctx.until(orderId, (o) => o.status === 'delivered' && o.saga.status === 'delivered', 'delivered', 90_000);
    expect(done.saga.total).toEqual(totals.total);
    expect(done.order!.totals).toEqual(totals);
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expect(money).toMatchObject({ captured: totals.total.amount, refunded: 0 });
    expect(money.count).toMatchObject({ authorization: 1, capture: 1, refund: 0 });
    expectStockConserved(before, await ctx.stack.stock([TEE_M, HEADPHONES]), {
      [TEE_M]: -3,
      [HEADPHONES]: -1,
    });
  });

  it('a declined card at submit: 402, back at payment, stock still held; another card places the order', async () => {
    const before = await ctx.stack.stock([TEE_S, CASE]);
    const cartId = await shop.newCart();
    await shop.addItem(cartId, TEE_S, 2);
    await shop.addItem(cartId, CASE, 1);
    const { checkoutId } = await shop.beginCheckout(cartId);
    await shop.setAddress(checkoutId);
    const review = await shop.setCard(checkoutId, 'tok_chargeDeclined');

    const problem = expectProblem(await shop.submit(checkoutId, review.cartVersion), 402, 'payment_declined');
    expect(problem).toMatchObject({ checkoutId, step: 'payment', lastError: { code: 'PaymentDeclinedError' } });
    const declinedOrder = checkoutOrderId(checkoutId, 1);
    const atPayment = await shop.checkout(checkoutId);
    expect(atPayment).toMatchObject({ step: 'payment', lastError: { code: 'PaymentDeclinedError' } });
    expect(atPayment.orderAttempts).toEqual([expect.objectContaining({ orderId: declinedOrder, outcome: 'declined' })]);
    // The cart is editable again and its stock is still held for it (the saga reopened the hold).
    const cart = await shop.cart(cartId);
    expect(cart).toMatchObject({ status: 'checking_out', checkout: { checkoutId, locked: false } });
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [TEE_S]: 'held:2', [CASE]: 'held:1' });
    const declined = await ctx.until(declinedOrder, (o) => isFinal(o.saga), 'declined saga ended');
    expect(declined.status).toBe('declined');
    expect((await ctx.stack.ledger(declinedOrder)).map((e) => e.kind)).toEqual(['decline']);

    // Submit is refused at payment; a good card → review → submit places the second attempt.
    expectProblem(await shop.submit(checkoutId, review.cartVersion), 409, 'checkout_step_not_allowed');
    const again = await shop.setCard(checkoutId, 'tok_visa');
    expect(again.step).toBe('review');
    const submitted = await shop.submit(checkoutId, again.cartVersion);
    expect(submitted.statusCode, `${submitted.body}\n${ctx.stack.diagnostics()}`).toBe(200);
    const orderId = checkoutOrderId(checkoutId, 2);
    expect(json<{ step: string; orderId: string }>(submitted)).toMatchObject({ step: 'completed', orderId });
    await expect.poll(async () => (await shop.cart(cartId)).status, { timeout: 30_000 }).toBe('ordered');

    const done = await ctx.until(orderId, (o) => o.saga.status === 'delivered', 'delivered', 90_000);
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expect(money).toMatchObject({ captured: again.totals.total.amount, refunded: 0 });
    expectStockConserved(before, await ctx.stack.stock([TEE_S, CASE]), { [TEE_S]: -2, [CASE]: -1 });
  });
});
