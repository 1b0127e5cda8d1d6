import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { SHIPPING_ADDRESS, orderBody } from '../support/order-bodies.js';
import { client, isFinal, describeOnEachProfile, useOrderStack } from '../support/order-stack.js';
import { expectProblem } from '../support/problem-assertions.js';

const TEE_S = 'E2E-TEE-BLK-S';
const TEE_M = 'E2E-TEE-BLK-M';
const TEE_L = 'E2E-TEE-BLK-L';
const MUG = 'E2E-MUG-WHT'; // manual supplier: waits for an admin at every stage
const LAMP = 'E2E-LAMP-BLK'; // dropship supplier (polled API)
const MONITOR = 'E2E-MONITOR-27'; // 899.99: six of them need an approval

/**
 * Orders end to end through the gateway and the REAL workers: several suppliers, a decline,
 * idempotent creation, cancel after shipment, a return, rejected and expired approvals and a
 * supplier rejection. Every scenario ends with the money and stock invariants.
 */
describeOnEachProfile('order lifecycle through the gateway and the real workers', (profile) => {
  const ctx = useOrderStack({ stores: profile });

  const { until } = ctx;
  const place = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await ctx.c.post('/v1/orders', body, headers);
    expect(response.statusCode, response.body).toBe(201);
    return json<{ orderId: string; status: string; total: { amount: number } }>(response);
  };
  /** Advances the order's manual supplier orders one stage at a time until they are delivered. */
  const advanceManualToDelivered = async (orderId: string) => {
    for (const to of ['processing', 'shipped', 'delivered']) {
      await expect
        .poll(
          async () => {
            const response = await ctx.c.admin(`/v1/admin/fulfillments/${orderId}/advance`, {
              to,
              note: 'e2e',
            });
            return response.statusCode === 200 ? 'advanced' : response.body;
          },
          { timeout: 30_000, interval: 300 },
        )
        .toBe('advanced');
    }
  };

  it('a normal order through several suppliers: partially shipped, then delivered', async () => {
    const skus = [TEE_M, MUG, LAMP];
    const before = await ctx.stack.stock(skus);
    const { orderId } = await place(
      orderBody([
        [TEE_M, 2],
        [MUG, 1],
        [LAMP, 1],
      ]),
    );

    // The simulated and dropship supplier orders ship on their own; the manual one waits.
    const partial = await until(
      orderId,
      (o) => o.order?.status === 'partially_shipped',
      'partially shipped',
    );
    expect(partial.order!.supplierOrders.map((s) => s.supplier.type).sort()).toEqual([
      'dropship-api',
      'manual',
      'simulated',
    ]);
    expect(partial.saga.status).toBe('fulfilling');

    await advanceManualToDelivered(orderId);
    const done = await until(
      orderId,
      (o) => o.status === 'delivered' && o.saga.status === 'delivered',
      'delivered',
    );
    expect(done.order!.supplierOrders.every((s) => s.status === 'delivered')).toBe(true);
    const timeline = json<{ entries: { toStatus: string | null; actor: string }[] }>(
      await ctx.c.get(`/v1/orders/${orderId}/timeline`),
    );
    expect(timeline.entries.map((e) => e.toStatus)).toEqual(
      expect.arrayContaining(['placed', 'partially_shipped', 'shipped', 'delivered']),
    );

    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expect(money).toMatchObject({ captured: 2 * 1_500 + 2_400 + 4_900, refunded: 0 });
    expectStockConserved(before, await ctx.stack.stock(skus), {
      [TEE_M]: -2,
      [MUG]: -1,
      [LAMP]: -1,
    });

    // The orders projection (OMS's batched writes) finds it by id, with its final status.
    await expect
      .poll(
        async () =>
          json<{ items: { orderId: string; status: string }[] }>(
            await ctx.c.adminGet(`/v1/admin/orders?q=${orderId}`),
          ).items,
        { timeout: 30_000, interval: 300 },
      )
      .toEqual([expect.objectContaining({ orderId, status: 'delivered' })]);
  });

  it('a declined card (402) or too little stock (409): nothing held or charged', async () => {
    const before = await ctx.stack.stock([TEE_S]);
    const orderId = `declined-${randomUUID()}`;
    const problem = expectProblem(
      await ctx.c.post(
        '/v1/orders',
        orderBody([[TEE_S, 3]], {
          orderId,
          paymentMethod: { type: 'card', token: 'tok_chargeDeclined' },
        }),
      ),
      402,
      'payment_declined',
    );
    expect(problem.orderId).toBe(orderId);
    const final = await until(orderId, (o) => isFinal(o.saga), 'saga ended');
    expect(final).toMatchObject({ status: 'declined', order: null });
    const ledger = await ctx.stack.ledger(orderId);
    expect(ledger.map((e) => e.kind)).toEqual(['decline']);
    expectMoneyInvariants(ledger, final.saga);
    expectStockConserved(before, await ctx.stack.stock([TEE_S]));

    // More than the stock: 409 insufficient_stock, no payment attempted, nothing held.
    const greedy = `greedy-${randomUUID()}`;
    const short = expectProblem(
      await ctx.c.post(
        '/v1/orders',
        orderBody([[TEE_S, before[0]!.available + 1]], { orderId: greedy }),
      ),
      409,
      'insufficient_stock',
    );
    expect(short.orderId).toBe(greedy);
    const ended = await until(greedy, (o) => isFinal(o.saga), 'saga ended');
    expect(ended.status).toBe('declined');
    expect(await ctx.stack.ledger(greedy)).toEqual([]);
    expectMoneyInvariants([], ended.saga);
    expectStockConserved(before, await ctx.stack.stock([TEE_S]));
  });

  it('creates one order for one Idempotency-Key: retried, concurrent, or reused with another body', async () => {
    const before = await ctx.stack.stock([TEE_S]);
    const body = orderBody([[TEE_S, 1]]);
    const key = `e2e-${randomUUID()}`;
    const first = await ctx.c.post('/v1/orders', body, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await ctx.c.post('/v1/orders', body, { 'idempotency-key': key });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expectProblem(
      await ctx.c.post('/v1/orders', orderBody([[TEE_S, 2]]), { 'idempotency-key': key }),
      422,
      'idempotency_key_reused',
    );

    // Two at once with a new key: one runs, the other is told to retry (or replays the first).
    const concurrentKey = `e2e-${randomUUID()}`;
    const both = await Promise.all([
      ctx.c.post('/v1/orders', body, { 'idempotency-key': concurrentKey }),
      ctx.c.post('/v1/orders', body, { 'idempotency-key': concurrentKey }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual(expect.arrayContaining([201]));
    for (const r of both) expect([201, 409]).toContain(r.statusCode);
    const settled = await ctx.c.post('/v1/orders', body, { 'idempotency-key': concurrentKey });
    expect(settled.statusCode).toBe(201);
    expect(settled.headers['idempotent-replayed']).toBe('true');

    // Two at once with the same client order id and no key: one saga, one authorization.
    const sameId = `same-${randomUUID()}`;
    const racing = await Promise.all([
      ctx.c.post('/v1/orders', { ...body, orderId: sameId }),
      ctx.c.post('/v1/orders', { ...body, orderId: sameId }),
    ]);
    expect(racing.map((r) => r.statusCode)).toEqual([201, 201]);

    const orderIds = [
      json<{ orderId: string }>(first).orderId,
      json<{ orderId: string }>(settled).orderId,
      sameId,
    ];
    for (const orderId of orderIds) {
      const done = await until(orderId, (o) => o.saga.status === 'delivered', 'delivered');
      const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
      expect(money.count).toMatchObject({ authorization: 1, capture: 1 });
    }
    expectStockConserved(before, await ctx.stack.stock([TEE_S]), { [TEE_S]: -3 });
  });

  it('refuses to cancel once part of the order shipped (409 order_already_shipped)', async () => {
    const skus = [TEE_S, MUG];
    const before = await ctx.stack.stock(skus);
    const { orderId } = await place(
      orderBody([
        [TEE_S, 1],
        [MUG, 2],
      ]),
    );
    await until(orderId, (o) => o.order?.status === 'partially_shipped', 'partially shipped');
    expectProblem(
      await ctx.c.post(`/v1/orders/${orderId}/cancel`, { reason: 'too late' }),
      409,
      'order_already_shipped',
    );
    await advanceManualToDelivered(orderId);
    const done = await until(orderId, (o) => o.saga.status === 'delivered', 'delivered');
    expect(done.saga.cancellation).toBeNull();
    expectMoneyInvariants(await ctx.stack.ledger(orderId), done.saga);
    expectStockConserved(before, await ctx.stack.stock(skus), { [TEE_S]: -1, [MUG]: -2 });
  });

  it('a return refunds the returned lines only and puts their units back on hand', async () => {
    const skus = [TEE_L, TEE_M];
    const before = await ctx.stack.stock(skus);
    const { orderId } = await place(
      orderBody([
        [TEE_L, 2],
        [TEE_M, 1],
      ]),
    );
    await until(orderId, (o) => o.status === 'delivered', 'delivered');

    const requested = await ctx.c.post(`/v1/orders/${orderId}/returns`, {
      lines: [{ sku: TEE_L, quantity: 1 }],
      reason: 'Too large',
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const { return: ret } = json<{ return: { returnId: string; status: string } }>(requested);
    expect(ret.status).toBe('requested');

    const decided = await ctx.c.admin(
      `/v1/admin/orders/${orderId}/returns/${ret.returnId}/decision`,
      {
        approved: true,
        reason: 'Unworn',
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(json<{ return: { status: string } }>(decided).return.status).toBe('approved');
    const received = await ctx.c.admin(
      `/v1/admin/orders/${orderId}/returns/${ret.returnId}/receive`,
      undefined,
    );
    expect(received.statusCode, received.body).toBe(200);
    expect(
      json<{ return: { status: string; refund: { amount: number } | null } }>(received).return,
    ).toMatchObject({
      refund: { amount: 1_500 },
    });

    const after = await until(orderId, (o) => o.order?.refunded.amount === 1_500, 'refunded');
    // The return's refund is OMS's (through the payment activity), after the saga ended at
    // delivery: the ledger and OMS's order agree on it; the saga's summary covers its own steps.
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId));
    expect(money).toMatchObject({ captured: 3 * 1_500, refunded: 1_500, charged: 2 * 1_500 });
    expect(after.saga.payment.captured.amount).toBe(money.captured);
    expect(after.order!.refunded.amount).toBe(money.refunded);
    expect(money.count.refund).toBe(1);
    await expect
      .poll(async () => (await ctx.stack.stock([TEE_L]))[0]!.onHand, { timeout: 30_000 })
      .toBe(before[0]!.onHand - 1);
    expectStockConserved(before, await ctx.stack.stock(skus), { [TEE_L]: -1, [TEE_M]: -1 });

    // The back office: a note and a status the lifecycle forbids, both through OMS's updates.
    const noted = await ctx.c.admin(`/v1/admin/orders/${orderId}/notes`, {
      note: 'Customer called about sizes',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expectProblem(
      await ctx.c.admin(`/v1/admin/orders/${orderId}/status`, { status: 'placed', reason: 'oops' }),
      409,
      'invalid_order_status_transition',
    );
    const timeline = json<{ entries: { actor: string; reason: string }[] }>(
      await ctx.c.get(`/v1/orders/${orderId}/timeline`),
    );
    expect(timeline.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: 'admin:bootstrap',
          reason: expect.stringContaining('Customer called about sizes') as string,
        }),
      ]),
    );
  });

  it('a rejected high-value order is compensated: payment voided, stock released', async () => {
    const before = await ctx.stack.stock([MONITOR]);
    const placed = await place(orderBody([[MONITOR, 6]]));
    expect(placed.status).toBe('awaiting_approval');
    const rejected = await ctx.c.admin(`/v1/admin/orders/${placed.orderId}/approval`, {
      approved: false,
      approvedBy: 'risk@company.com',
      reason: 'Address mismatch',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const final = await until(placed.orderId, (o) => isFinal(o.saga), 'compensated');
    expect(final).toMatchObject({ status: 'rejected', order: null });
    const money = expectMoneyInvariants(await ctx.stack.ledger(placed.orderId), final.saga);
    expect(money).toMatchObject({ authorized: 6 * 89_999, captured: 0, charged: 0 });
    expect(money.count.void).toBe(1);
    expectStockConserved(before, await ctx.stack.stock([MONITOR]));
  });

  it('an approval window that expires compensates the order', async () => {
    const impatient = await ctx.stack.anotherGateway({ ORDER_APPROVAL_WINDOW_MS: '2000' });
    const before = await ctx.stack.stock([MONITOR]);
    const response = await client(impatient).post('/v1/orders', orderBody([[MONITOR, 6]]));
    expect(response.statusCode, response.body).toBe(201);
    const { orderId } = json<{ orderId: string }>(response);
    const final = await until(orderId, (o) => isFinal(o.saga), 'approval expired');
    expect(final.status).toBe('approval_expired');
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), final.saga);
    expect(money).toMatchObject({ captured: 0, charged: 0 });
    expect(money.count.void).toBe(1);
    expectProblem(
      await ctx.c.admin(`/v1/admin/orders/${orderId}/approval`, {
        approved: true,
        approvedBy: 'late@company.com',
        reason: 'Too late',
      }),
      409,
      'order_not_awaiting_approval',
    );
    expectStockConserved(before, await ctx.stack.stock([MONITOR]));
  });

  it('a supplier rejection refunds the order and releases its stock', async () => {
    const before = await ctx.stack.stock([LAMP]);
    const { orderId } = await place(
      orderBody([[LAMP, 2]], {
        shippingAddress: { ...SHIPPING_ADDRESS, line1: '1 REJECT Street' },
      }),
    );
    const final = await until(orderId, (o) => isFinal(o.saga), 'compensated after the rejection');
    expect(final.saga.status).toBe('failed');
    expect(final.order?.supplierOrders.map((s) => s.status)).toEqual(['rejected']);
    const money = expectMoneyInvariants(await ctx.stack.ledger(orderId), final.saga);
    expect(money).toMatchObject({ captured: 2 * 4_900, refunded: 2 * 4_900, charged: 0 });
    await expect
      .poll(
        async () =>
          (await ctx.stack.hold(final.saga.holdId))?.lines.every((l) => l.status === 'released'),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expectStockConserved(before, await ctx.stack.stock([LAMP]));
  });
});
