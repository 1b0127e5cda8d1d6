import { expect, it } from 'vitest';
import type { OrderDetails } from '../../src/orders/order-details.js';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { ORDER1, ORDER_HIGH_VALUE } from '../support/order-bodies.js';
import {
  client,
  isFinal,
  orderUntil,
  describeOnEachProfile,
  useOrderStack,
} from '../support/order-stack.js';

const HEADPHONES = 'E2E-HEADPHONES-BLK';
const CASE = 'E2E-CASE-GRY';
const MONITOR = 'E2E-MONITOR-27';

/**
 * Seed 000's README flow through the gateway, against the REAL workers: create the two example
 * orders (1,359.97 and the high-value 8,999.90), follow their status, approve the high-value one,
 * and cancel a fresh order (saga compensation). Every scenario ends with the money (ledger) and
 * stock invariants.
 */
describeOnEachProfile('seed 000 through the gateway and the real workers', (profile) => {
  const ctx = useOrderStack({ stores: profile });

  const delivered = (orderId: string) =>
    orderUntil(
      ctx.stack.gateway,
      orderId,
      (o) => o.status === 'delivered' && o.saga.status === 'delivered',
      `order ${orderId} delivered`,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${ctx.stack.diagnostics()}`, { cause: error });
    });

  it('order1 (1,359.97): create → status → delivered, charged once, three units shipped', async () => {
    const before = await ctx.stack.stock([HEADPHONES, CASE]);
    const created = await ctx.c.post('/v1/orders', ORDER1);
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({
      orderId: 'order-001',
      total: { amount: 135_997, currency: 'USD' },
      links: { self: '/v1/orders/order-001' },
    });
    expect(created.headers.location).toBe('/v1/orders/order-001');

    const status = await ctx.c.get('/v1/orders/order-001');
    expect(status.statusCode, status.body).toBe(200);
    expect(json<OrderDetails>(status).saga).toMatchObject({
      requiresApproval: false,
      payment: { authorized: { amount: 135_997 } },
    });

    const done = await delivered('order-001');
    expect(done.order).toMatchObject({
      orderId: 'order-001',
      status: 'delivered',
      totals: { total: { amount: 135_997 } },
    });
    expect(
      done.order!.supplierOrders.every((s) => s.status === 'delivered' && s.trackingNumber),
    ).toBe(true);
    const timeline = json<{ entries: { toStatus: string | null }[] }>(
      await ctx.c.get('/v1/orders/order-001/timeline'),
    );
    const statuses = timeline.entries.map((e) => e.toStatus).filter(Boolean);
    expect(statuses[0]).toBe('placed');
    expect(statuses).toContain('shipped');
    expect(statuses.at(-1)).toBe('delivered');

    const money = expectMoneyInvariants(await ctx.stack.ledger('order-001'), done.saga);
    expect(money).toMatchObject({ authorized: 135_997, captured: 135_997, refunded: 0 });
    expect(money.count.capture).toBe(1);
    expectStockConserved(before, await ctx.stack.stock([HEADPHONES, CASE]), {
      [HEADPHONES]: -2,
      [CASE]: -1,
    });
    const hold = await ctx.stack.hold(done.saga.holdId);
    expect(hold?.lines.every((l) => l.status === 'fulfilled')).toBe(true);
  });

  it('order-002-hv (8,999.90): awaiting_approval → approved → continues → delivered', async () => {
    const before = await ctx.stack.stock([MONITOR]);
    const created = await ctx.c.post('/v1/orders', ORDER_HIGH_VALUE);
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({
      orderId: 'order-002-hv',
      status: 'awaiting_approval',
      total: { amount: 899_990 },
    });
    const waiting = json<OrderDetails>(await ctx.c.get('/v1/orders/order-002-hv'));
    expect(waiting).toMatchObject({
      status: 'awaiting_approval',
      order: null,
      saga: { requiresApproval: true, payment: { captured: { amount: 0 } } },
    });
    expect(waiting.saga.approvalDeadline).not.toBeNull();

    const approved = await ctx.c.admin('/v1/admin/orders/order-002-hv/approval', {
      approved: true,
      approvedBy: 'admin@company.com',
      reason: 'Verified with customer',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(json<OrderDetails>(approved).saga.approval).toMatchObject({
      approved: true,
      approvedBy: 'admin@company.com',
      reason: 'Verified with customer',
    });

    const done = await delivered('order-002-hv');
    const money = expectMoneyInvariants(await ctx.stack.ledger('order-002-hv'), done.saga);
    expect(money).toMatchObject({ authorized: 899_990, captured: 899_990, refunded: 0 });
    expectStockConserved(before, await ctx.stack.stock([MONITOR]), { [MONITOR]: -10 });
  });

  it('cancel of a fresh order: compensated, nothing charged, every unit back', async () => {
    // Slow stages keep this order far from shipping while it is cancelled.
    const slow = await ctx.stack.anotherGateway({ FULFILLMENT_STAGE_MS: '60000' });
    const before = await ctx.stack.stock([HEADPHONES, CASE]);
    const body = { ...ORDER1, orderId: 'order-003' };
    const created = await client(slow).post('/v1/orders', body);
    expect(created.statusCode, created.body).toBe(201);

    const cancelled = await ctx.c.post('/v1/orders/order-003/cancel', {
      reason: 'Customer changed their mind',
    });
    expect(cancelled.statusCode, `${cancelled.body}\n${ctx.stack.diagnostics()}`).toBe(200);
    const details = json<OrderDetails>(cancelled);
    expect(details.saga).toMatchObject({
      status: 'cancelled',
      cancellation: { cancelledBy: 'api', reason: 'Customer changed their mind' },
    });
    expect(details.saga.compensations.length).toBeGreaterThan(0);
    expect(details.saga.compensations.every((comp) => comp.status === 'done')).toBe(true);
    const final = await orderUntil(
      ctx.stack.gateway,
      'order-003',
      (o) => isFinal(o.saga) && (o.order === null || o.order.status === 'cancelled'),
      'order-003 cancelled everywhere',
    );
    expect(final.status).toBe('cancelled');

    const money = expectMoneyInvariants(await ctx.stack.ledger('order-003'), final.saga);
    expect(money.charged).toBe(0);
    expect(money.count.void + money.count.refund).toBeGreaterThan(0);
    await expect
      .poll(
        async () =>
          (await ctx.stack.hold(final.saga.holdId))?.lines.every((l) => l.status === 'released'),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expectStockConserved(before, await ctx.stack.stock([HEADPHONES, CASE]));
  });
});
