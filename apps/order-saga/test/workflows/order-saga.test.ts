import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eventually } from '@commerce/test-kit/worker';
import { orderWorkflowId } from '@commerce/contracts/oms';
import {
  cancelOrderUpdate,
  decideApprovalUpdate,
  OrderSagaFailure,
} from '@commerce/contracts/order-saga';
import { standInCancellationQuery } from '../support/oms-stand-in-workflows.js';
import { recordHistory } from '../support/record-history.js';
import {
  compensations,
  newOrderId,
  orderInput,
  SKUS,
  startSagaHarness,
  type SagaHarness,
} from '../support/saga-harness.js';

/** The failure type an update was refused with. */
async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : String(cause);
  }
  throw new Error('expected the update to be refused');
}

const highValue = (orderId: string) =>
  orderInput(orderId, {
    lines: [
      {
        sku: SKUS.tee,
        quantity: 10,
        unitPrice: { amount: 89_999, currency: 'USD' },
        title: 'Tee',
        productId: 'p-tee',
        supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
      },
    ],
  });

describe('orderSagaWorkflow (dev server, real saga worker, inventory and OMS stand-ins)', () => {
  let h: SagaHarness;
  beforeAll(async () => {
    h = await startSagaHarness();
  });
  afterAll(() => h?.stop());

  it('places a normal order: accepted, captured, handed to OMS, followed to delivered', async () => {
    const orderId = newOrderId('normal');
    const input = orderInput(orderId);
    const { decision, handle } = await h.place(input);
    expect(decision).toEqual({ orderId, outcome: 'accepted', status: 'capturing_payment' });

    const started = await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
    expect(started.order).toMatchObject({
      orderId,
      confirmationNumber: 'ABC12345',
      holdId: `order:${orderId}`,
      totals: input.totals,
    });
    expect(started.sagaWorkflowId).toBe(`order:${orderId}`);
    expect(started.settings).toEqual({
      returnWindowMs: 7 * 86_400_000,
      fulfillmentMode: 'auto',
      simulatedStageMs: 1_000,
      dropshipPollMs: 1_000,
    });
    expect(h.inventory.statuses(`order:${orderId}`)).toEqual({
      [SKUS.lamp]: 'confirmed',
      [SKUS.mug]: 'confirmed',
    });

    const fulfilling = await h.state(orderId);
    expect(fulfilling).toMatchObject({
      status: 'fulfilling',
      currentStep: 'fulfill_order',
      requiresApproval: false,
      compensations: [],
    });
    expect(fulfilling.completedSteps).toEqual([
      'reserve_stock',
      'authorize_payment',
      'capture_payment',
    ]);
    expect(fulfilling.payment).toMatchObject({
      authorized: input.totals.total,
      captured: input.totals.total,
      voided: false,
    });

    for (const status of ['placed', 'processing', 'shipped']) await h.progress(orderId, status);
    expect(
      await refusal(
        handle.executeUpdate(cancelOrderUpdate, {
          args: [{ cancelledBy: 'shopper:ada', reason: 'too late' }],
        }),
      ),
    ).toBe(OrderSagaFailure.AlreadyShipped);
    await h.progress(orderId, 'delivered');
    expect(await handle.result()).toEqual({ orderId, status: 'delivered' });
    const done = await h.state(orderId);
    expect(done).toMatchObject({
      status: 'delivered',
      orderStatus: 'delivered',
      currentStep: null,
      lastError: null,
    });
    expect(done.attempts).toEqual({
      holdStock: 1,
      confirmHold: 1,
      authorizePayment: 1,
      getHold: 1,
      capturePayment: 1,
      startOrder: 1,
    });
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
    await recordHistory(h.client, 'saga-delivered', handle.workflowId);
  });

  it('answers a second placeOrder with the same decision', async () => {
    const orderId = newOrderId('again');
    const first = await h.place(orderInput(orderId));
    const second = await h.place(orderInput(orderId));
    expect(second.decision).toEqual(first.decision);
    expect(second.handle.workflowId).toBe(first.handle.workflowId);
    await h.until(orderId, 'fulfilling');
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
  });

  it('declines a refused card: nothing held (released), only a decline in the ledger', async () => {
    const orderId = newOrderId('decline');
    const { decision, handle } = await h.place(
      orderInput(orderId, { paymentMethod: { type: 'card', token: 'tok_chargeDeclined' } }),
    );
    expect(decision).toMatchObject({
      orderId,
      outcome: 'declined',
      status: 'declined',
      code: OrderSagaFailure.PaymentDeclined,
    });
    // The answer comes once the stock is back.
    expect(h.inventory.statuses(`order:${orderId}`)).toEqual({
      [SKUS.lamp]: 'released',
      [SKUS.mug]: 'released',
    });
    expect(await handle.result()).toEqual({ orderId, status: 'declined' });
    const state = await h.state(orderId);
    expect(compensations(state)).toEqual(['release_stock:done']);
    // The ended saga still tells a retried placement what it answered.
    expect(state.placement).toEqual(decision);
    expect(await h.checkInvariants(orderId)).toEqual(['decline']);
  });

  it('declines an order without stock: nothing held, nothing charged', async () => {
    const orderId = newOrderId('nostock');
    const input = orderInput(orderId);
    const { decision } = await h.place({
      ...input,
      lines: [{ ...input.lines[0]!, sku: SKUS.lamp, quantity: 999 }],
    });
    expect(decision).toMatchObject({
      outcome: 'declined',
      status: 'declined',
      code: 'InsufficientStockError',
    });
    const state = await h.state(orderId);
    expect(state.compensations).toEqual([]);
    expect(h.inventory.holds.has(`order:${orderId}`)).toBe(false);
    expect(await h.checkInvariants(orderId)).toEqual([]);
  });

  it('retries a provider that is briefly unavailable; the attempts show in the query', async () => {
    const orderId = newOrderId('flaky');
    h.failures.fail('authorize', orderId, 2);
    const { decision } = await h.place(orderInput(orderId));
    expect(decision.outcome).toBe('accepted');
    const state = await h.state(orderId);
    expect(state.attempts.authorizePayment).toBe(3);
    expect(state.lastError).toMatchObject({ code: OrderSagaFailure.PaymentProviderUnavailable });
    await h.until(orderId, 'fulfilling');
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
  });

  it('waits for approval above the threshold; approved, it captures and goes on', async () => {
    const orderId = newOrderId('approve');
    const { decision, handle } = await h.place(highValue(orderId));
    expect(decision).toMatchObject({ outcome: 'accepted', status: 'awaiting_approval' });
    const waiting = await h.state(orderId);
    expect(waiting).toMatchObject({
      status: 'awaiting_approval',
      requiresApproval: true,
      currentStep: 'await_approval',
    });
    expect(waiting.approvalDeadline).not.toBeNull();
    const after = await handle.executeUpdate(decideApprovalUpdate, {
      args: [{ approved: true, approvedBy: 'admin:grace', reason: 'known customer' }],
    });
    expect(after).toMatchObject({
      status: 'fulfilling',
      approval: { approved: true, approvedBy: 'admin:grace' },
    });
    expect(
      await refusal(
        handle.executeUpdate(decideApprovalUpdate, {
          args: [{ approved: false, approvedBy: 'admin:x', reason: 'late' }],
        }),
      ),
    ).toBe(OrderSagaFailure.NotAwaitingApproval);
    await h.progress(orderId, 'delivered');
    expect(await handle.result()).toEqual({ orderId, status: 'delivered' });
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
    await recordHistory(h.client, 'saga-approved', handle.workflowId);
  });

  it('checks the hold before capturing (v2, patch verify-hold-before-capture): stock gone → nothing charged', async () => {
    const orderId = newOrderId('hold-gone');
    const { handle } = await h.place(highValue(orderId));
    // While the order waits for approval its stock is released behind the saga's back (an admin, a sweep).
    await h.inventory.activities.releaseHold({ holdId: `order:${orderId}` });
    const after = await handle.executeUpdate(decideApprovalUpdate, {
      args: [{ approved: true, approvedBy: 'admin:grace', reason: 'fine' }],
    });
    expect(after).toMatchObject({
      status: 'failed',
      lastError: { code: OrderSagaFailure.StockNoLongerHeld },
    });
    expect(after.completedSteps).not.toContain('capture_payment');
    expect(compensations(after)).toEqual(['void_payment:done', 'release_stock:done']);
    const history = await handle.fetchHistory();
    const markers = (history.events ?? []).filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
    );
    expect(markers).toHaveLength(1);
    const patchData =
      markers[0]?.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    expect(Buffer.from(patchData ?? []).toString()).toContain('verify-hold-before-capture');
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'void']);
  });

  it('refuses an approval decision when none is awaited', async () => {
    const orderId = newOrderId('noapproval');
    const { handle } = await h.place(orderInput(orderId));
    expect(
      await refusal(
        handle.executeUpdate(decideApprovalUpdate, {
          args: [{ approved: true, approvedBy: 'admin:a', reason: 'ok' }],
        }),
      ),
    ).toBe(OrderSagaFailure.NotAwaitingApproval);
    await h.until(orderId, 'fulfilling');
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
  });

  it('rejected: voids the authorization and releases the stock', async () => {
    const orderId = newOrderId('reject');
    const { handle } = await h.place(highValue(orderId));
    const after = await handle.executeUpdate(decideApprovalUpdate, {
      args: [{ approved: false, approvedBy: 'admin:grace', reason: 'suspicious' }],
    });
    expect(after.status).toBe('rejected');
    expect(compensations(after)).toEqual(['void_payment:done', 'release_stock:done']);
    expect(after.payment).toMatchObject({ voided: true, captured: { amount: 0 } });
    expect(await handle.result()).toEqual({ orderId, status: 'rejected' });
    expect(h.inventory.statuses(`order:${orderId}`)).toEqual({ [SKUS.tee]: 'released' });
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'void']);
  });

  it('cancelled while awaiting approval: voided and released, who and why recorded', async () => {
    const orderId = newOrderId('cancel-approval');
    const { handle } = await h.place(highValue(orderId));
    const after = await handle.executeUpdate(cancelOrderUpdate, {
      args: [{ cancelledBy: 'shopper:ada', reason: 'ordered twice' }],
    });
    expect(after).toMatchObject({
      status: 'cancelled',
      cancellation: { cancelledBy: 'shopper:ada', reason: 'ordered twice' },
    });
    expect(compensations(after)).toEqual(['void_payment:done', 'release_stock:done']);
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'void']);
  });

  it('cancelled before shipment: OMS is told, the capture refunded, the stock released', async () => {
    const orderId = newOrderId('cancel');
    const input = orderInput(orderId);
    const { handle } = await h.place(input);
    await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
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
    expect(after.payment).toMatchObject({
      captured: input.totals.total,
      refunded: input.totals.total,
    });
    const oms = h.client.workflow.getHandle(orderWorkflowId(orderId));
    expect(
      await eventually(() => oms.query(standInCancellationQuery).then((c) => c ?? undefined), {
        what: 'OMS cancellation',
      }),
    ).toMatchObject({
      cancelledBy: 'admin:grace',
    });
    // The saga has ended: a later cancellation finds no running workflow (the gateway answers 409 from the query).
    await expect(
      handle.executeUpdate(cancelOrderUpdate, {
        args: [{ cancelledBy: 'admin:grace', reason: 'again' }],
      }),
    ).rejects.toThrow(/completed/);
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture', 'refund']);
    await recordHistory(h.client, 'saga-cancelled', handle.workflowId);
  });

  it('a fulfillment failure compensates: refund and release (OMS already knows)', async () => {
    const orderId = newOrderId('failed');
    const { handle } = await h.place(orderInput(orderId));
    await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
    await h.progress(orderId, 'processing');
    await h.progress(orderId, 'processing', true, 'supplier acme rejected the order');
    expect(await handle.result()).toEqual({ orderId, status: 'failed' });
    const state = await h.state(orderId);
    expect(compensations(state)).toEqual(['refund_payment:done', 'release_stock:done']);
    expect(state.lastError).toBeNull();
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture', 'refund']);
  });

  it('retries a failing compensation until it succeeds, visibly', async () => {
    const orderId = newOrderId('comp-retry');
    h.inventory.failReleases(`order:${orderId}`, 3);
    const { handle } = await h.place(orderInput(orderId));
    await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
    await h.progress(orderId, 'processing', true, 'carrier lost the parcel');
    const retrying = await eventually(
      async () => {
        const state = await h.state(orderId);
        const release = state.compensations.find((c) => c.name === 'release_stock');
        return release && release.attempts >= 2 ? state : undefined;
      },
      { what: 'release_stock retried', timeoutMs: 20_000 },
    );
    expect(retrying.status).toBe('compensating');
    const release = retrying.compensations.find((c) => c.name === 'release_stock');
    expect(release?.status).toBe('running');
    expect(release?.lastError).toContain('inventory store unavailable');
    expect(retrying.lastError?.message).toContain('inventory store unavailable');
    expect(await handle.result()).toEqual({ orderId, status: 'failed' });
    const done = await h.state(orderId);
    expect(done.compensations.find((c) => c.name === 'release_stock')).toMatchObject({
      status: 'done',
      attempts: 4,
    });
    expect(h.inventory.statuses(`order:${orderId}`)).toEqual({
      [SKUS.lamp]: 'released',
      [SKUS.mug]: 'released',
    });
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture', 'refund']);
    await recordHistory(h.client, 'saga-compensation-retried', handle.workflowId);
  }, 60_000);

  it('a new worker in the middle of compensating resumes it where it was (replay)', async () => {
    const orderId = newOrderId('comp-restart');
    h.inventory.failReleases(`order:${orderId}`, 3);
    const { handle } = await h.place(orderInput(orderId));
    await eventually(() => h.omsStarts.get(orderId), { what: 'OMS startOrder' });
    await h.progress(orderId, 'processing', true, 'warehouse flooded');
    await eventually(
      async () =>
        ((await h.state(orderId)).compensations.find((c) => c.name === 'release_stock')?.attempts ??
          0) >= 2 || undefined,
      { what: 'release_stock retrying', timeoutMs: 20_000 },
    );
    await h.restartSagaWorker();
    expect(await handle.result()).toEqual({ orderId, status: 'failed' });
    const done = await h.state(orderId);
    expect(compensations(done)).toEqual(['refund_payment:done', 'release_stock:done']);
    expect(done.compensations.find((c) => c.name === 'release_stock')?.attempts).toBe(4);
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture', 'refund']);
  }, 60_000);

  it('the same order placed twice at once: one saga, one authorization', async () => {
    const orderId = newOrderId('dup');
    const [a, b] = await Promise.all([h.place(orderInput(orderId)), h.place(orderInput(orderId))]);
    expect(a.decision).toEqual(b.decision);
    expect(a.decision.outcome).toBe('accepted');
    const [ra, rb] = await Promise.all([a.handle.describe(), b.handle.describe()]);
    expect(ra.runId).toBe(rb.runId);
    const runs = [];
    for await (const run of h.client.workflow.list({ query: `WorkflowId = 'order:${orderId}'` }))
      runs.push(run.runId);
    expect(runs).toHaveLength(1);
    expect(h.inventory.calls.filter((c) => c === `holdStock order:${orderId}`)).toHaveLength(1);
    await h.until(orderId, 'fulfilling');
    expect(await h.checkInvariants(orderId)).toEqual(['authorization', 'capture']);
  });
});
