import { randomUUID } from 'node:crypto';
import { cartHoldId, cartWorkflowId } from '@commerce/contracts/cart';
import { checkoutWorkflowId } from '@commerce/contracts/checkout';
import { expect, it } from 'vitest';
import { ADMIN_HEADERS, json } from '../support/gateway-harness.js';
import { expectStockConserved, expectStockInvariant } from '../support/money-invariants.js';
import { describeOnEachProfile, useOrderStack } from '../support/order-stack.js';
import { expectProblem } from '../support/problem-assertions.js';
import { holdLines, storefront, type CartBody } from '../support/storefront-client.js';

const TEE_L = 'E2E-TEE-BLK-L';
const LAMP = 'E2E-LAMP-BLK';
const MUG = 'E2E-MUG-WHT';
const MONITOR = 'E2E-MONITOR-27';
const TEE_M = 'E2E-TEE-BLK-M';

/** A checkout expires after 6 s without a step change (the other scenarios place no order). */
const CHECKOUT_TIMEOUT_MS = 6_000;

/**
 * The cart's concurrency, idempotency, stock and expiry guarantees through the gateway and the REAL
 * workers: concurrent first adds, a replayed Idempotency-Key, 250 updates across continue-as-new
 * runs with retried keys, out of stock, and a checkout that expires and gives the stock back.
 */
describeOnEachProfile('storefront cart guarantees through the gateway and the real workers', (profile) => {
  const ctx = useOrderStack({
    stores: profile,
    gatewayEnv: { CHECKOUT_TIMEOUT_MS: String(CHECKOUT_TIMEOUT_MS), CHECKOUT_HOLD_MARGIN_SECONDS: '30' },
  });
  const shop = storefront(() => ctx.stack.gateway);

  it('two concurrent first add-items on a new cart id: one workflow, both lines', async () => {
    const cartId = await shop.newCart();
    const [a, b] = await Promise.all([
      shop.send('POST', `/v1/carts/${cartId}/items`, { sku: TEE_L, quantity: 1 }),
      shop.send('POST', `/v1/carts/${cartId}/items`, { sku: LAMP, quantity: 2 }),
    ]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect([json<CartBody>(a).version, json<CartBody>(b).version].sort()).toEqual([1, 2]);
    const cart = await shop.cart(cartId);
    expect(cart.version).toBe(2);
    expect(cart.lines.map((l) => `${l.sku}:${l.quantity}`).sort()).toEqual([`${LAMP}:2`, `${TEE_L}:1`]);
    expect(new Set(cart.lines.map((l) => l.lineId))).toEqual(new Set(['l1', 'l2']));
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [TEE_L]: 'held:1', [LAMP]: 'held:2' });
    // One execution ever had the cart's workflow id.
    const client = ctx.stack.gateway.temporal.client();
    const runs = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = '${cartWorkflowId(cartId)}'` }))
      runs.push(run.runId);
    expect(runs).toHaveLength(1);
  });

  it('an Idempotency-Key replays an add-item (applied once); the same key with another body is refused', async () => {
    const cartId = await shop.newCart();
    const key = `add-${randomUUID()}`;
    const first = await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: MUG, quantity: 2 }, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(200);
    const retry = await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: MUG, quantity: 2 }, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expectProblem(
      await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: MUG, quantity: 3 }, { 'idempotency-key': key }),
      422,
      'idempotency_key_reused',
    );
    // Without the gateway's record (SQLite profile: deleted) the derived update id still reaches
    // the cart as the same update, which it applies once.
    if (profile === 'embedded') ctx.stack.gateway.db.prepare('DELETE FROM gateway_idempotency_keys').run();
    const again = await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: MUG, quantity: 2 }, { 'idempotency-key': key });
    expect(again.statusCode, again.body).toBe(200);
    expect(json<CartBody>(again)).toMatchObject({ version: 1, lines: [{ sku: MUG, quantity: 2 }] });
    const cart = await shop.cart(cartId);
    expect(cart).toMatchObject({ version: 1, lines: [{ sku: MUG, quantity: 2 }] });
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [MUG]: 'held:2' });
  });

  it('250 updates on one cart across continue-as-new runs, some retried under the same Idempotency-Key: each applied once', async () => {
    const cartId = await shop.newCart();
    const client = ctx.stack.gateway.temporal.client();
    const runsOf = async (): Promise<number> => {
      let n = 0;
      for await (const _ of client.workflow.list({ query: `WorkflowId = '${cartWorkflowId(cartId)}'` })) n++;
      return n;
    };
    // Update n (1-based): the first adds the line, every later one sets its quantity to 1 or 2 in
    // turn — each a real change, so the version counts the updates applied.
    const request = (n: number) =>
      n === 1
        ? { method: 'POST' as const, url: `/v1/carts/${cartId}/items`, body: { sku: TEE_L, quantity: 1 } }
        : { method: 'PATCH' as const, url: `/v1/carts/${cartId}/items/l1`, body: { quantity: n % 2 === 0 ? 2 : 1 } };
    const keyOf = (n: number) => `${cartId}-update-${n}`;
    const sendUpdate = (n: number) => {
      const r = request(n);
      return shop.send(r.method, r.url, r.body, { 'idempotency-key': keyOf(n) });
    };

    for (let n = 1; n <= 250; n++) {
      const first = await sendUpdate(n);
      expect(first.statusCode, first.body).toBe(200);
      expect(json<CartBody>(first).version).toBe(n);
      if (n % 25 === 0) {
        // A client retry: the gateway replays the first answer; nothing is applied again.
        const retry = await sendUpdate(n);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.body).toBe(first.body);
      }
      if (n === 110 || n === 220) {
        // After a run change: an earlier request of the previous run retried with its key. On the
        // embedded profile the gateway's record is deleted first, so the retry reaches the cart as
        // the same update id, which the cart carried across continue-as-new and answers unapplied.
        if (profile === 'embedded') ctx.stack.gateway.db.prepare('DELETE FROM gateway_idempotency_keys').run();
        const old = await sendUpdate(n - 15);
        expect(old.statusCode, old.body).toBe(200);
        const cart = await shop.cart(cartId);
        expect(cart).toMatchObject({ version: n, status: 'active', lines: [{ lineId: 'l1', sku: TEE_L, quantity: n % 2 === 0 ? 2 : 1, stockHeld: true }] });
      }
    }
    const cart = await shop.cart(cartId);
    expect(cart).toMatchObject({ version: 250, lines: [{ lineId: 'l1', sku: TEE_L, quantity: 2 }] });
    expect(cart.lines).toHaveLength(1);
    expect(await runsOf()).toBeGreaterThanOrEqual(3);
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [TEE_L]: 'held:2' });
  }, 240_000);

  it('out of stock: 409 insufficient_stock, the cart unchanged, no hold leaked', async () => {
    const levels = await ctx.stack.stock([MONITOR]);
    const onHand = levels[0]!.onHand - levels[0]!.available + 3; // 3 units left to sell
    const adjusted = await shop.send('PUT', `/v1/admin/inventory/${MONITOR}`, { onHand, reason: 'storefront e2e' }, ADMIN_HEADERS);
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    const before = await ctx.stack.stock([MONITOR]);
    expect(before[0]!.available).toBe(3);

    const cartId = await shop.newCart();
    const held = await shop.addItem(cartId, MONITOR, 2);
    expectProblem(await shop.send('PATCH', `/v1/carts/${cartId}/items/l1`, { quantity: 4 }), 409, 'insufficient_stock');
    expectProblem(await shop.send('POST', `/v1/carts/${cartId}/items`, { sku: MONITOR, quantity: 2 }), 409, 'insufficient_stock');
    const after = await shop.cart(cartId);
    expect(after).toMatchObject({ version: held.version, lines: [{ sku: MONITOR, quantity: 2, stockHeld: true }] });
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [MONITOR]: 'held:2' });

    // A new cart whose first item is refused holds nothing.
    const other = await shop.newCart();
    expectProblem(await shop.send('POST', `/v1/carts/${other}/items`, { sku: MONITOR, quantity: 5 }), 409, 'insufficient_stock');
    const hold = await ctx.stack.hold(cartHoldId(other));
    expect((hold?.lines ?? []).filter((l) => l.status === 'held')).toEqual([]);
    const [level] = await ctx.stack.stock([MONITOR]);
    expectStockInvariant(level!);
    expect(level).toMatchObject({ held: before[0]!.held + 2, available: 1 });
  });

  it('a checkout left alone expires: its holds are released and the cart is active again', async () => {
    const before = await ctx.stack.stock([TEE_M]);
    const cartId = await shop.newCart();
    await shop.addItem(cartId, TEE_M, 2);
    const checkout = await shop.beginCheckout(cartId);
    expect(checkout.step).toBe('shipping');
    await shop.setAddress(checkout.checkoutId);

    await expect
      .poll(async () => (await shop.checkout(checkout.checkoutId)).step, {
        timeout: CHECKOUT_TIMEOUT_MS + 30_000,
        interval: 500,
      })
      .toBe('expired');
    await expect
      .poll(async () => (await shop.cart(cartId)).status, { timeout: 30_000, interval: 300 })
      .toBe('active');
    const cart = await shop.cart(cartId);
    expect(cart.checkout).toBeNull();
    expect(cart.lines).toEqual([expect.objectContaining({ sku: TEE_M, quantity: 2, stockHeld: false })]);
    const released = await ctx.stack.hold(cartHoldId(cartId));
    expect(released?.lines.filter((l) => l.status === 'held') ?? []).toEqual([]);
    expectStockConserved(before, await ctx.stack.stock([TEE_M]));
    // The expired checkout takes no more steps; the cart can begin a new one (holding again).
    expectProblem(
      await shop.send('PUT', `/v1/checkouts/${checkout.checkoutId}/payment-method`, {
        paymentMethod: { type: 'card', token: 'tok_visa' },
      }),
      409,
      'checkout_closed',
    );
    const next = await shop.beginCheckout(cartId);
    expect(next.checkoutId).not.toBe(checkout.checkoutId);
    expect(next.links.temporalUi).toContain(encodeURIComponent(checkoutWorkflowId(next.checkoutId)));
    expect(holdLines(await ctx.stack.hold(cartHoldId(cartId)))).toEqual({ [TEE_M]: 'held:2' });
    await shop.send('POST', `/v1/checkouts/${next.checkoutId}/cancel`, {});
  });
});
