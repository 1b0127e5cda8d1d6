import { randomUUID } from 'node:crypto';
import { checkoutOrderId } from '@commerce/contracts/checkout';
import { orderSagaWorkflowId } from '@commerce/contracts/order-saga';
import { WorkflowNotFoundError } from '@temporalio/client';
import { expect, it } from 'vitest';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { describeOnEachProfile, useOrderStack } from '../support/order-stack.js';
import { storefront } from '../support/storefront-client.js';

const TEE_L = 'E2E-TEE-BLK-L';
const CASE = 'E2E-CASE-GRY';

/**
 * The checkout worker process is killed with SIGKILL right after a submit is sent (while it
 * locks the cart and hands the order to the saga); a fresh process takes over from the history,
 * and the shopper's retry with the same Idempotency-Key gets the same answer. Exactly one order
 * saga is started, with one authorization and one capture.
 */
describeOnEachProfile('storefront checkout worker crash at submit', (profile) => {
  const ctx = useOrderStack({ stores: profile });
  const shop = storefront(() => ctx.stack.gateway);

  const sagaExists = async (orderId: string): Promise<boolean> => {
    try {
      await ctx.stack.gateway.temporal.client().workflow.getHandle(orderSagaWorkflowId(orderId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  it('a checkout worker killed between submit and the saga answer: one order, charged once', async () => {
    const before = await ctx.stack.stock([TEE_L, CASE]);
    const cartId = await shop.newCart();
    await shop.addItem(cartId, TEE_L, 2);
    await shop.addItem(cartId, CASE, 1);
    const { checkoutId } = await shop.beginCheckout(cartId);
    await shop.setAddress(checkoutId);
    const review = await shop.setCard(checkoutId, 'tok_visa');

    const key = `submit-${randomUUID()}`;
    let settled = false;
    const pending = shop
      .submit(checkoutId, review.cartVersion, { 'idempotency-key': key })
      .finally(() => {
        settled = true;
      });
    // Kill as soon as the checkout is submitting (locking the cart / waiting for the saga).
    for (const deadline = Date.now() + 5_000; !settled && Date.now() < deadline; ) {
      if ((await shop.checkout(checkoutId)).step === 'submitting') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(settled, 'the submit answered before the worker could be killed').toBe(false);
    await ctx.stack.killWorker('checkout');

    // The first request either waits for the restarted worker or times out (504); the retry with
    // the same key answers the one outcome.
    const first = await pending;
    expect([200, 504], `${first.body}\n${ctx.stack.diagnostics()}`).toContain(first.statusCode);
    let answer = first;
    for (let attempt = 0; answer.statusCode !== 200 && attempt < 10; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      answer = await shop.submit(checkoutId, review.cartVersion, { 'idempotency-key': key });
    }
    expect(answer.statusCode, `${answer.body}\n${ctx.stack.diagnostics()}`).toBe(200);
    const retry = await shop.submit(checkoutId, review.cartVersion, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const orderId = checkoutOrderId(checkoutId, 1);
    expect(json<{ step: string; orderId: string }>(answer)).toMatchObject({ step: 'completed', orderId });
    expect((await shop.checkout(checkoutId)).orderAttempts).toEqual([
      expect.objectContaining({ orderId, outcome: 'accepted' }),
    ]);
    expect(await sagaExists(orderId)).toBe(true);
    expect(await sagaExists(checkoutOrderId(checkoutId, 2))).toBe(false);
    await expect.poll(async () => (await shop.cart(cartId)).status, { timeout: 30_000 }).toBe('ordered');

    const done = await ctx.until(orderId, (o) => o.saga.status === 'delivered', 'delivered', 120_000);
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expect(money.count).toMatchObject({ authorization: 1, capture: 1, decline: 0, refund: 0 });
    expect(money.captured).toBe(review.totals.total.amount);
    expectStockConserved(before, await ctx.stack.stock([TEE_L, CASE]), { [TEE_L]: -2, [CASE]: -1 });
  });
});
