import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulfillmentWorkflowId } from '@commerce/contracts/fulfillment';
import {
  OmsFailure,
  addOrderNoteUpdate,
  decideReturnUpdate,
  orderCancellationSignal,
  orderProjectionQuery,
  orderQuery,
  orderTimelineQuery,
  receiveReturnUpdate,
  requestReturnUpdate,
  updateOrderStatusUpdate,
  type OrderWorkflow,
} from '@commerce/contracts/oms';
import { orderSagaWorkflowId } from '@commerce/contracts/order-saga';
import { createSqliteOrderSearch, migrateOrderSearch } from '@commerce/order-search/sqlite';
import { eventually } from '@commerce/test-kit/worker';
import { createSqliteOrderRepository } from '../../src/adapters/sqlite/sqlite-order-repository.js';
import { createSqliteTimelineRepository } from '../../src/adapters/sqlite/sqlite-timeline-repository.js';
import { orderLine, placedOrder, workflowInput } from '../support/fixtures.js';
import { startOmsHarness, type OmsHarness } from '../support/oms-test-harness.js';
import { recordHistory } from '../support/record-history.js';
import { createTempDatabase } from '../support/temp-database.js';
import { fulfillmentCancellationsQuery, sagaProgressQuery } from './stand-ins/index.js';

// orderWorkflow on the dev server, in a fresh namespace, with the real OMS worker (SQLite stores,
// SQLite orders projection) and stand-ins of fulfillment, the saga and inventory on their real
// queues. The test plays fulfillment by signalling fulfillmentStatus.

const temp = createTempDatabase('oms-workflow-');
migrateOrderSearch(temp.db);
const orders = createSqliteOrderRepository({ db: temp.db });
const timeline = createSqliteTimelineRepository({ db: temp.db });
const search = createSqliteOrderSearch({ db: temp.db });
let h: OmsHarness;

beforeAll(async () => {
  h = await startOmsHarness({ orders, timeline, search });
}, 180_000);
afterAll(async () => {
  await h?.stop();
  temp.cleanup();
});

const newOrderId = () => `order-${randomUUID().slice(0, 8)}`;
/** Two suppliers: 2 × TEE at 25.00 from acme, 1 × CAP at 18.00 from north (manual). */
const twoSupplierOrder = (orderId = newOrderId()) =>
  placedOrder(orderId, [orderLine('TEE-0001-BLK-M', 2, 2_500, 'acme'), orderLine('CAP-0002-RED-L', 1, 1_800, 'north', 'manual')]);

/** The ApplicationFailure type an update was refused with. */
async function refusal(update: Promise<unknown>): Promise<string | undefined> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause.type ?? undefined;
    throw error;
  }
  throw new Error('expected the update to be refused');
}

const sagaProgress = (orderId: string) => h.client.workflow.getHandle(orderSagaWorkflowId(orderId)).query(sagaProgressQuery);

async function deliver(handle: WorkflowHandle<OrderWorkflow>, orderId: string): Promise<void> {
  for (const supplier of ['acme', 'north']) {
    await h.report(handle, `${orderId}:${supplier}`, 'shipped');
    await h.report(handle, `${orderId}:${supplier}`, 'delivered');
  }
  await h.until(handle, (v) => v.status === 'delivered', 'delivered');
}

describe('orderWorkflow', () => {
  it('persists the order, routes lines to suppliers and starts fulfillment through an activity, once', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    // The hand-off is idempotent per order id: a retried startOrder finds the same workflow.
    expect(await h.startOrder(workflowInput(order))).toEqual({ workflowId: `oms-order:${order.orderId}` });
    const started = await eventually(() => h.started.find((s) => s.orderId === order.orderId), { what: 'startFulfillment' });
    expect(started).toMatchObject({
      orderId: order.orderId,
      omsWorkflowId: handle.workflowId,
      holdId: order.holdId,
      settings: { mode: 'auto', simulatedStageMs: 15_000, dropshipPollMs: 10_000 },
      supplierOrders: [
        { supplierOrderId: `${order.orderId}:acme`, supplier: { id: 'acme', type: 'simulated' }, lines: [{ sku: 'TEE-0001-BLK-M', quantity: 2 }] },
        { supplierOrderId: `${order.orderId}:north`, supplier: { id: 'north', type: 'manual' }, lines: [{ sku: 'CAP-0002-RED-L', quantity: 1 }] },
      ],
    });
    expect(h.started.filter((s) => s.orderId === order.orderId)).toHaveLength(1);
    const view = await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    expect(view).toMatchObject({ status: 'placed', supplierOrders: [{ status: 'pending' }, { status: 'pending' }] });
    const stored = await eventually(async () => (await orders.getOrder(order.orderId))?.supplierOrders.length === 2 || undefined, { what: 'the stored view' });
    expect(stored).toBe(true);
    expect((await orders.findByConfirmationNumber(order.confirmationNumber))?.orderId).toBe(order.orderId);
    const events = (await handle.query(orderTimelineQuery)).map((e) => e.event);
    expect(events).toEqual(['status_changed', 'routed', 'fulfillment_started']);
  });

  it('derives the status over all supplier orders (partially_shipped on the way), reports each change to the saga, opens the return window', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    const acme = `${order.orderId}:acme`;
    const north = `${order.orderId}:north`;
    await h.report(handle, acme, 'processing');
    await h.until(handle, (v) => v.status === 'processing', 'processing');
    await h.report(handle, acme, 'shipped');
    const partial = await h.until(handle, (v) => v.status === 'partially_shipped', 'partially_shipped');
    expect(partial.supplierOrders.find((s) => s.supplierOrderId === acme)).toMatchObject({ status: 'shipped', trackingNumber: 'TRK-acme' });
    // A stale report (processing after shipped) changes nothing.
    await h.report(handle, acme, 'processing');
    await h.report(handle, north, 'shipped');
    await h.until(handle, (v) => v.status === 'shipped', 'shipped');
    await h.report(handle, acme, 'delivered');
    await h.report(handle, north, 'delivered');
    const delivered = await h.until(handle, (v) => v.status === 'delivered', 'delivered');
    expect(Date.parse(delivered.returnWindowEndsAt ?? '') - Date.parse(delivered.deliveredAt ?? '')).toBe(7 * 86_400_000);
    expect(delivered.supplierOrders.map((s) => s.status)).toEqual(['delivered', 'delivered']);

    const progress = await eventually(async () => {
      const p = await sagaProgress(order.orderId);
      return p.length >= 5 ? p : undefined;
    }, { what: 'the saga told' });
    expect(progress.map((p) => [p.status, p.failed])).toEqual([
      ['placed', false],
      ['processing', false],
      ['partially_shipped', false],
      ['shipped', false],
      ['delivered', false],
    ]);
    const changes = (await handle.query(orderTimelineQuery)).filter((e) => e.event === 'status_changed');
    expect(changes.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'placed'],
      ['placed', 'processing'],
      ['processing', 'partially_shipped'],
      ['partially_shipped', 'shipped'],
      ['shipped', 'delivered'],
    ]);
    expect(changes[2]).toMatchObject({ actor: 'fulfillment:acme', reason: expect.stringContaining(`${acme} shipped`) as string });
    expect(changes.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('fails the order on a supplier rejection: tells the saga, cancels the rest, refunded once the saga compensated', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    await h.report(handle, `${order.orderId}:acme`, 'processing');
    await h.report(handle, `${order.orderId}:north`, 'rejected', { reason: 'out of stock at the supplier' });
    const cancellations = await eventually(async () => {
      const c = await h.client.workflow.getHandle(fulfillmentWorkflowId(order.orderId)).query(fulfillmentCancellationsQuery);
      return c.length > 0 ? c : undefined;
    }, { what: 'fulfillment cancelled' });
    expect(cancellations[0]).toMatchObject({ cancelledBy: 'system:oms', reason: expect.stringContaining('rejected') as string });
    const progress = await sagaProgress(order.orderId);
    expect(progress.find((p) => p.failed)).toMatchObject({ orderId: order.orderId, failed: true, reason: expect.stringContaining(`${order.orderId}:north`) as string });
    const refunded = await h.until(handle, (v) => v.status === 'refunded', 'refunded');
    expect(refunded.supplierOrders.map((s) => [s.supplier.id, s.status])).toEqual([
      ['acme', 'processing'],
      ['north', 'rejected'],
    ]);
    // Fulfillment reports the cancelled supplier order; the workflow then ends refunded.
    await h.report(handle, `${order.orderId}:acme`, 'cancelled');
    expect(await handle.result()).toEqual({ orderId: order.orderId, status: 'refunded' });
    await recordHistory(h.client, 'order-supplier-rejected', handle.workflowId);
    const events = (await handle.query(orderTimelineQuery)).map((e) => e.event);
    expect(events).toContain('fulfillment_failed');
    expect(events).toContain('fulfillment_cancelled');
    expect((await orders.getOrder(order.orderId))?.status).toBe('refunded');
  });

  it('is cancelled by the saga: stops fulfillment, records who and why', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    await eventually(() => h.started.find((s) => s.orderId === order.orderId), { what: 'fulfillment started' });
    await handle.signal(orderCancellationSignal, { cancelledBy: 'shopper:cust-1', reason: 'ordered the wrong size' });
    const cancelled = await h.until(handle, (v) => v.status === 'cancelled', 'cancelled');
    expect(cancelled.status).toBe('cancelled');
    const entry = (await handle.query(orderTimelineQuery)).find((e) => e.toStatus === 'cancelled');
    expect(entry).toMatchObject({ actor: 'shopper:cust-1', reason: 'ordered the wrong size', fromStatus: 'placed' });
    const cancellations = await eventually(async () => {
      const c = await h.client.workflow.getHandle(fulfillmentWorkflowId(order.orderId)).query(fulfillmentCancellationsQuery);
      return c.length > 0 ? c : undefined;
    }, { what: 'fulfillment cancelled' });
    expect(cancellations).toEqual([{ cancelledBy: 'shopper:cust-1', reason: 'ordered the wrong size' }]);
    await h.report(handle, `${order.orderId}:acme`, 'cancelled');
    await h.report(handle, `${order.orderId}:north`, 'cancelled');
    expect(await handle.result()).toEqual({ orderId: order.orderId, status: 'cancelled' });
    await recordHistory(h.client, 'order-cancelled', handle.workflowId);
  });

  it('guards admin status changes with the lifecycle table, and takes notes', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    const moved = await handle.executeUpdate(updateOrderStatusUpdate, { args: [{ status: 'processing', actor: 'admin:jo', reason: 'supplier confirmed by phone' }] });
    expect(moved.status).toBe('processing');
    expect(await refusal(handle.executeUpdate(updateOrderStatusUpdate, { args: [{ status: 'placed', actor: 'admin:jo', reason: 'oops' }] }))).toBe(OmsFailure.InvalidStatusTransition);
    await handle.executeUpdate(updateOrderStatusUpdate, { args: [{ status: 'delivered', actor: 'admin:jo', reason: 'carrier confirmed delivery' }] });
    expect(await refusal(handle.executeUpdate(updateOrderStatusUpdate, { args: [{ status: 'placed', actor: 'admin:jo', reason: 'undo' }] }))).toBe(OmsFailure.InvalidStatusTransition);
    expect(await refusal(handle.executeUpdate(updateOrderStatusUpdate, { args: [{ status: 'refunded', actor: 'admin:jo', reason: 'no' }] }))).toBe(OmsFailure.InvalidStatusTransition);
    const noted = await handle.executeUpdate(addOrderNoteUpdate, { args: [{ actor: 'support:kim', note: 'customer says the box was damaged' }] });
    expect(noted.status).toBe('delivered');
    expect(noted.deliveredAt).not.toBeNull();
    const entries = await handle.query(orderTimelineQuery);
    expect(entries.filter((e) => e.event === 'status_changed').map((e) => [e.toStatus, e.actor, e.reason])).toEqual([
      ['placed', 'system:order-saga', expect.any(String) as string],
      ['processing', 'admin:jo', 'supplier confirmed by phone'],
      ['delivered', 'admin:jo', 'carrier confirmed delivery'],
    ]);
    expect(entries.at(-1)).toMatchObject({ event: 'note_added', actor: 'support:kim', reason: 'customer says the box was damaged' });
    // Refused updates left no trace.
    expect((await handle.query(orderQuery)).status).toBe('delivered');
  });

  it('takes a return through request → decision → receipt: refunds only the returned lines, restocks them; returned when all came back', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    // Not before delivery.
    expect(
      await refusal(handle.executeUpdate(requestReturnUpdate, { args: [{ returnId: 'r-early', lines: [{ sku: 'TEE-0001-BLK-M', quantity: 1 }], reason: 'changed mind', requestedBy: 'shopper:cust-1' }] })),
    ).toBe(OmsFailure.ReturnNotAllowed);
    await deliver(handle, order.orderId);

    const request = (returnId: string, lines: { sku: string; quantity: number }[]) =>
      handle.executeUpdate(requestReturnUpdate, { args: [{ returnId, lines, reason: 'too small', requestedBy: 'shopper:cust-1' }] });
    expect(await refusal(request('r-too-many', [{ sku: 'TEE-0001-BLK-M', quantity: 3 }]))).toBe(OmsFailure.InvalidReturn);
    expect(await refusal(request('r-unknown', [{ sku: 'HAT-0009-BLK-S', quantity: 1 }]))).toBe(OmsFailure.InvalidReturn);
    const requested = await request('r1', [{ sku: 'TEE-0001-BLK-M', quantity: 1 }]);
    expect(requested.returns).toMatchObject([{ returnId: 'r1', status: 'requested', refund: null }]);
    expect(await refusal(handle.executeUpdate(receiveReturnUpdate, { args: [{ returnId: 'r1', receivedBy: 'admin:jo' }] }))).toBe(OmsFailure.ReturnNotAllowed);
    expect(await refusal(handle.executeUpdate(decideReturnUpdate, { args: [{ returnId: 'nope', approved: true, decidedBy: 'admin:jo', reason: 'ok' }] }))).toBe(OmsFailure.ReturnNotFound);
    await handle.executeUpdate(decideReturnUpdate, { args: [{ returnId: 'r1', approved: true, decidedBy: 'admin:jo', reason: 'within policy' }] });
    const received = await handle.executeUpdate(receiveReturnUpdate, { args: [{ returnId: 'r1', receivedBy: 'admin:jo' }] });
    expect(received.returns[0]).toMatchObject({ status: 'refunded', refund: { amount: 2_500, currency: 'USD' } });
    expect(received.refunded).toEqual({ amount: 2_500, currency: 'USD' });
    expect(received.status).toBe('delivered');
    expect(h.refunds.get(`refund:${order.orderId}:return:r1`)).toMatchObject({ orderId: order.orderId, amount: { amount: 2_500, currency: 'USD' } });
    expect(h.receipts.get(`return:${order.orderId}:r1:TEE-0001-BLK-M`)).toMatchObject({ sku: 'TEE-0001-BLK-M', quantity: 1 });
    expect([...h.receipts.keys()].filter((k) => k.includes(order.orderId))).toHaveLength(1);

    // A denied return frees nothing and refunds nothing; the rest comes back in r3.
    await request('r2', [{ sku: 'CAP-0002-RED-L', quantity: 1 }]);
    await handle.executeUpdate(decideReturnUpdate, { args: [{ returnId: 'r2', approved: false, decidedBy: 'admin:jo', reason: 'worn' }] });
    await request('r3', [{ sku: 'TEE-0001-BLK-M', quantity: 1 }, { sku: 'CAP-0002-RED-L', quantity: 1 }]);
    await handle.executeUpdate(decideReturnUpdate, { args: [{ returnId: 'r3', approved: true, decidedBy: 'admin:jo', reason: 'ok' }] });
    const all = await handle.executeUpdate(receiveReturnUpdate, { args: [{ returnId: 'r3', receivedBy: 'admin:jo' }] });
    expect(all.status).toBe('returned');
    expect(all.refunded).toEqual({ amount: 2_500 + 2_500 + 1_800, currency: 'USD' });
    expect(h.refunds.get(`refund:${order.orderId}:return:r2`)).toBeUndefined();
    expect(h.refunds.get(`refund:${order.orderId}:return:r3`)?.amount).toEqual({ amount: 4_300, currency: 'USD' });
    expect([...h.receipts.keys()].filter((k) => k.includes(order.orderId)).sort()).toEqual(
      [`return:${order.orderId}:r1:TEE-0001-BLK-M`, `return:${order.orderId}:r3:CAP-0002-RED-L`, `return:${order.orderId}:r3:TEE-0001-BLK-M`].sort(),
    );
    expect(await handle.result()).toEqual({ orderId: order.orderId, status: 'returned' });
    await recordHistory(h.client, 'order-returned', handle.workflowId);
    const events = (await handle.query(orderTimelineQuery)).map((e) => e.event);
    expect(events.filter((e) => e.startsWith('return_'))).toEqual([
      'return_requested',
      'return_approved',
      'return_received',
      'return_refunded',
      'return_restocked',
      'return_requested',
      'return_denied',
      'return_requested',
      'return_approved',
      'return_received',
      'return_refunded',
      'return_restocked',
    ]);
  });

  it('batches projection writes: a burst of changes becomes few flushes, and the order is searchable', async () => {
    const order = twoSupplierOrder();
    const handle = await h.placeOrder(workflowInput(order, {}, 2_000));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    // Start from a clean projection (the routing changes flushed).
    const versionBefore = (
      await eventually(async () => {
        const s = await handle.query(orderProjectionQuery);
        return !s.dirty && s.flushedVersion === s.version ? s : undefined;
      }, { what: 'the routing flushed' })
    ).version;
    const before = h.flushes.get(order.orderId) ?? 0;
    await Promise.all(Array.from({ length: 10 }, (_, i) => handle.executeUpdate(addOrderNoteUpdate, { args: [{ actor: 'support:kim', note: `note ${i}` }] })));
    await h.report(handle, `${order.orderId}:acme`, 'processing');
    const versionAfter = (await h.until(handle, (v) => v.status === 'processing', 'processing')).version;
    expect(versionAfter - versionBefore).toBeGreaterThanOrEqual(12); // 10 notes, a supplier update, a status change
    const status = await eventually(async () => {
      const s = await handle.query(orderProjectionQuery);
      return !s.dirty && s.flushedVersion === versionAfter ? s : undefined;
    }, { what: 'the burst flushed', timeoutMs: 20_000 });
    const burstFlushes = (h.flushes.get(order.orderId) ?? 0) - before;
    expect(burstFlushes).toBeGreaterThanOrEqual(1);
    expect(burstFlushes).toBeLessThanOrEqual(2);
    expect(status.flushes).toBe(h.flushes.get(order.orderId));

    // What the flush wrote: the views, the whole timeline, the search document.
    expect((await orders.getOrder(order.orderId))?.version).toBe(versionAfter);
    expect(await timeline.list(order.orderId)).toEqual(await handle.query(orderTimelineQuery));
    const found = await search.searchOrders({ q: order.confirmationNumber });
    expect(found.items.map((d) => [d.orderId, d.status, d.version])).toEqual([[order.orderId, 'processing', versionAfter]]);
    expect((await search.searchOrders({ q: 'TEE-0001-BLK-M', status: ['processing'], supplier: 'north' })).items.map((d) => d.orderId)).toContain(order.orderId);
  });
});
