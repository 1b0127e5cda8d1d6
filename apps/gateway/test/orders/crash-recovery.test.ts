import { expect, it } from 'vitest';
import type { OrderDetails } from '../../src/orders/order-details.js';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { orderBody } from '../support/order-bodies.js';
import { client, isFinal, describeOnEachProfile, useOrderStack } from '../support/order-stack.js';

const MONITOR = 'E2E-MONITOR-27'; // six need an approval: the saga waits
const TEE = 'E2E-TEE-BLK-M';

/**
 * The order-saga worker process is killed with SIGKILL in the middle of a saga (while it waits
 * for an approval) and in the middle of compensating
 * (its release of stock cannot finish while the inventory worker is down); a fresh process
 * takes over from the history. Nothing is charged twice, nothing leaks.
 */
describeOnEachProfile('order saga worker crashes', (profile) => {
  const ctx = useOrderStack({ stores: profile });

  /** Crashed workers take a while to be replaced: wait up to 90 s. */
  const until = (orderId: string, accept: (o: OrderDetails) => boolean, what: string) =>
    ctx.until(orderId, accept, what, 90_000);

  it('a saga killed while it waits for an approval finishes after a restart, charged once', async () => {
    const before = await ctx.stack.stock([MONITOR]);
    const placed = await ctx.c.post('/v1/orders', orderBody([[MONITOR, 6]]));
    expect(placed.statusCode, placed.body).toBe(201);
    const { orderId, status } = json<{ orderId: string; status: string }>(placed);
    expect(status).toBe('awaiting_approval');

    // The saga's process dies while the saga waits; the decision reaches its successor.
    await ctx.stack.killWorker('order-saga');
    const approved = await ctx.c.admin(`/v1/admin/orders/${orderId}/approval`, {
      approved: true,
      approvedBy: 'admin@company.com',
      reason: 'Known customer',
    });
    expect(approved.statusCode, `${approved.body}\n${ctx.stack.diagnostics()}`).toBe(200);

    const done = await until(orderId, (o) => o.saga.status === 'delivered', 'delivered');
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expect(money.count).toMatchObject({ authorization: 1, capture: 1, refund: 0, void: 0 });
    expect(money.captured).toBe(6 * 89_999);
    expectStockConserved(before, await ctx.stack.stock([MONITOR]), { [MONITOR]: -6 });
  });

  it('a saga killed in the middle of compensating resumes compensating and undoes everything exactly once', async () => {
    const slow = await ctx.stack.anotherGateway({ FULFILLMENT_STAGE_MS: '120000' });
    const before = await ctx.stack.stock([TEE]);
    const placed = await client(slow).post('/v1/orders', orderBody([[TEE, 4]]));
    expect(placed.statusCode, placed.body).toBe(201);
    const { orderId } = json<{ orderId: string }>(placed);
    await until(orderId, (o) => o.order !== null, 'with OMS');

    // Without the inventory worker the release of the stock cannot finish: compensation stalls.
    await ctx.stack.killWorker('inventory', { restart: false });
    const cancelling = ctx.c.post(`/v1/orders/${orderId}/cancel`, { reason: 'Crash test' });
    await until(
      orderId,
      (o) =>
        o.saga.status === 'compensating' &&
        o.saga.compensations.some((comp) => comp.status === 'done') &&
        o.saga.compensations.some((comp) => comp.status !== 'done'),
      'compensating, part done',
    );
    await ctx.stack.killWorker('order-saga');
    ctx.stack.startWorker('inventory');

    const cancelled = await cancelling;
    expect(cancelled.statusCode, `${cancelled.body}\n${ctx.stack.diagnostics()}`).toBe(200);
    const final = await until(orderId, (o) => isFinal(o.saga), 'cancelled');
    expect(final.saga.status).toBe('cancelled');
    expect(final.saga.compensations.every((comp) => comp.status === 'done')).toBe(true);
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), final.saga);
    expect(money.charged).toBe(0);
    expect(money.count.refund + money.count.void).toBe(1);
    await expect
      .poll(
        async () =>
          (await ctx.stack.hold(final.saga.holdId))?.lines.every((l) => l.status === 'released'),
        {
          timeout: 60_000,
        },
      )
      .toBe(true);
    expectStockConserved(before, await ctx.stack.stock([TEE]));
  });
});
