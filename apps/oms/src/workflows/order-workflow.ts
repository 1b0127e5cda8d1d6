import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Money } from '@commerce/contracts/common';
import {
  FULFILLMENT_TASK_QUEUE,
  cancelFulfillmentSignal,
  fulfillmentWorkflowId,
  type FulfillmentActivities,
  type FulfillmentStatusUpdate,
} from '@commerce/contracts/fulfillment';
import { INVENTORY_TASK_QUEUE, type InventoryActivities } from '@commerce/contracts/inventory';
import {
  OmsFailure,
  addOrderNoteUpdate,
  decideReturnUpdate,
  fulfillmentStatusSignal,
  orderCancellationSignal,
  orderProjectionQuery,
  orderQuery,
  orderTimelineQuery,
  receiveReturnUpdate,
  requestReturnUpdate,
  updateOrderStatusUpdate,
  type AdminStatusChange,
  type OmsActivities,
  type OmsFailureType,
  type OrderNoteInput,
  type OrderReturn,
  type OrderStatus,
  type OrderView,
  type OrderWorkflowInput,
  type OrderWorkflowResult,
  type ReceiveReturnInput,
  type ReturnDecisionInput,
  type ReturnRequestInput,
  type TimelineEntry,
} from '@commerce/contracts/oms';
import { ORDER_SAGA_TASK_QUEUE, orderProgressSignal, type PaymentActivities } from '@commerce/contracts/order-saga';
import {
  adminTransitionRefusal,
  deriveOrderStatus,
  isForwardMove,
  isSupplierProgress,
  isTerminalStatus,
} from '../domain/order-status.js';
import { initialOrderView } from '../domain/order-view.js';
import { everythingReturned, openReturns, refundAmount, returnRequestProblem } from '../domain/returns.js';

/** Projection writes are batched for this long when the input does not say (ORDER_PROJECTION_FLUSH_MS). */
const DEFAULT_PROJECTION_FLUSH_MS = 1_000;
/** After a cancellation or failure, supplier orders still reporting are recorded for this long. */
const SETTLE_MS = 10 * 60_000;

const SYSTEM = 'system:oms';

const store = proxyActivities<OmsActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
const sagaOutcome = proxyActivities<OmsActivities>({
  startToCloseTimeout: '7 days',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const fulfillment = proxyActivities<FulfillmentActivities>({
  taskQueue: FULFILLMENT_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
const payments = proxyActivities<PaymentActivities>({
  taskQueue: ORDER_SAGA_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});
const inventory = proxyActivities<InventoryActivities>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

const refuse = (type: OmsFailureType, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/**
 * One order in OMS (id `oms-order:<orderId>`), from the saga's hand-off until it completes, is
 * cancelled, refunded or returned.
 *
 * - Persists the order (saveOrder) and routes its lines to suppliers (resolveSupplierAssignments),
 *   then starts fulfillment through an activity (a standalone workflow, not a child).
 * - fulfillmentStatus signals update the supplier orders; the order status is derived over all of
 *   them (domain/order-status.ts) and only ever moves forward. A rejected supplier order fails the
 *   order: the saga is told (orderProgress failed: true), the other supplier orders are cancelled,
 *   and once the saga has compensated (awaitSagaOutcome) the order is `refunded`.
 * - Every order-level status change is reported to the saga (orderProgress; a saga that already
 *   ended, e.g. after delivery, is no longer told) and recorded in the timeline with who, when, why.
 * - After `delivered` the return window (settings.returnWindowMs) runs; when it closes with no
 *   return open the order is `completed`.
 * - Admin updates (status with the lifecycle guards, notes) and returns (request → decide →
 *   receive: refund of the returned lines through the saga's payment activity, restock through
 *   inventory's receiveStock; `returned` once everything came back).
 * - The views, the timeline and the orders search document are written in batches: every change
 *   marks the order dirty, one projectOrder activity writes the state at most every
 *   projectionFlushMs (and at the end).
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderWorkflowResult> {
  const { order, sagaWorkflowId, settings } = input;
  const { orderId } = order;
  const flushMs = input.projectionFlushMs ?? DEFAULT_PROJECTION_FLUSH_MS;
  const nowIso = (): string => new Date().toISOString();

  const view: OrderView = initialOrderView(order, nowIso());
  const timeline: TimelineEntry[] = [];
  let dirty = false;
  let closing = false;
  let flushes = 0;
  let flushedVersion = 0;
  let storedSeq = 0;
  /** Set when fulfillment failed for good: the order ends refunded once the saga compensated. */
  const fulfillmentOutcome: { failure: { reason: string } | null } = { failure: null };
  let routed = false;
  let fulfillmentStarted = false;
  let fulfillmentCancelled = false;
  let sagaReachable = true;
  let reports: Promise<void> = Promise.resolve();
  let cancellations: Promise<void> = Promise.resolve();

  /** Every change: a new version, a new updatedAt, and the projection marked dirty. */
  const touch = (): void => {
    view.version += 1;
    view.updatedAt = nowIso();
    dirty = true;
  };

  const record = (entry: Omit<TimelineEntry, 'seq' | 'at'>): void => {
    timeline.push({ seq: timeline.length + 1, at: nowIso(), ...entry });
    touch();
  };

  /** Tells the saga, in order, without holding up the caller; a saga that ended is told no more. */
  const report = (failed: boolean, reason: string): void => {
    const progress = { orderId, status: view.status, failed, reason, at: nowIso() };
    reports = reports.then(async () => {
      if (!sagaReachable) return;
      try {
        await getExternalWorkflowHandle(sagaWorkflowId).signal(orderProgressSignal, progress);
      } catch (error) {
        sagaReachable = false;
        log.info('order saga no longer reachable; progress not reported', { orderId, sagaWorkflowId, status: progress.status, error: String(error) });
      }
    });
  };

  const setStatus = (to: OrderStatus, actor: string, reason: string): void => {
    const from = view.status;
    if (from === to) return;
    view.status = to;
    const now = nowIso();
    if (to === 'delivered' && view.deliveredAt === null) {
      view.deliveredAt = now;
      view.returnWindowEndsAt = new Date(Date.parse(now) + settings.returnWindowMs).toISOString();
    }
    if (to === 'completed') view.completedAt = now;
    record({ actor, event: 'status_changed', fromStatus: from, toStatus: to, reason });
    report(false, reason);
  };

  /** A cancellation that came while fulfillment was still being started: sent once it exists. */
  let deferredCancellation: { cancelledBy: string; reason: string } | null = null;

  /** Stops the supplier orders not yet shipped (fulfillment releases their holds). */
  const cancelFulfillment = (cancelledBy: string, reason: string): void => {
    if (fulfillmentCancelled) return;
    if (!fulfillmentStarted) {
      deferredCancellation ??= { cancelledBy, reason };
      return;
    }
    fulfillmentCancelled = true;
    cancellations = cancellations.then(async () => {
      try {
        await getExternalWorkflowHandle(fulfillmentWorkflowId(orderId)).signal(cancelFulfillmentSignal, { reason, cancelledBy });
        record({ actor: cancelledBy, event: 'fulfillment_cancelled', fromStatus: null, toStatus: null, reason });
      } catch (error) {
        log.warn('fulfillment could not be cancelled (not running)', { orderId, error: String(error) });
      }
    });
  };

  /** Cancelled by the saga (shopper or admin through it) or forced by an admin here. */
  const cancel = (cancelledBy: string, reason: string): void => {
    if (isTerminalStatus(view.status)) return;
    cancelFulfillment(cancelledBy, reason);
    setStatus('cancelled', cancelledBy, reason);
  };

  /** Re-derives the order status after supplier orders changed. */
  const rederive = (actor: string, reason: string): void => {
    if (isTerminalStatus(view.status) || fulfillmentOutcome.failure !== null) return;
    const derived = deriveOrderStatus(view.supplierOrders);
    if (derived.kind === 'failed') {
      const why = `fulfillment failed: supplier order(s) ${derived.supplierOrderIds.join(', ')} ${reason}`;
      fulfillmentOutcome.failure = { reason: why };
      record({ actor, event: 'fulfillment_failed', fromStatus: view.status, toStatus: null, reason: why });
      report(true, why);
      cancelFulfillment(SYSTEM, why);
      return;
    }
    if (isForwardMove(view.status, derived.status)) setStatus(derived.status, actor, reason);
  };

  // ---- messages (registered before the first await, so nothing sent early is lost) ----------

  setHandler(orderQuery, () => view);
  setHandler(orderTimelineQuery, () => timeline);
  setHandler(orderProjectionQuery, () => ({ flushes, flushedVersion, dirty, version: view.version }));

  /** Reports that arrived before the lines were routed (applied right after routing). */
  const early: FulfillmentStatusUpdate[] = [];

  const applyFulfillmentStatus = (update: FulfillmentStatusUpdate): void => {
    const supplierOrder = view.supplierOrders.find((s) => s.supplierOrderId === update.supplierOrderId);
    if (update.orderId !== orderId || supplierOrder === undefined) {
      log.warn('fulfillment status of an unknown supplier order ignored', { orderId, update });
      return;
    }
    const progressed = isSupplierProgress(supplierOrder.status, update.status);
    const tracking = update.trackingNumber !== null && update.trackingNumber !== supplierOrder.trackingNumber;
    if (!progressed && !tracking) return; // a repeat or a stale report
    if (tracking) supplierOrder.trackingNumber = update.trackingNumber;
    const from = supplierOrder.status;
    if (progressed) supplierOrder.status = update.status;
    supplierOrder.updatedAt = update.at;
    const reason = `${update.supplierOrderId} ${from} → ${supplierOrder.status}${supplierOrder.trackingNumber ? ` (tracking ${supplierOrder.trackingNumber})` : ''}${update.reason ? `: ${update.reason}` : ''}`;
    record({ actor: `fulfillment:${update.supplierId}`, event: 'supplier_order_updated', fromStatus: null, toStatus: null, reason });
    rederive(`fulfillment:${update.supplierId}`, `${update.supplierOrderId} ${supplierOrder.status}${update.reason ? `: ${update.reason}` : ''}`);
  };

  setHandler(fulfillmentStatusSignal, (update: FulfillmentStatusUpdate) => {
    if (!routed) early.push(update);
    else applyFulfillmentStatus(update);
  });

  setHandler(orderCancellationSignal, ({ cancelledBy, reason }) => {
    if (isTerminalStatus(view.status)) {
      log.info('cancellation of a finished order ignored', { orderId, status: view.status });
      return;
    }
    cancel(cancelledBy, reason);
  });

  setHandler(
    updateOrderStatusUpdate,
    ({ status, actor, reason }) => {
      if (status === 'cancelled') cancel(actor, reason);
      else setStatus(status, actor, reason);
      return view;
    },
    {
      validator: ({ status, actor, reason }: AdminStatusChange) => {
        if (!actor || !reason) refuse(OmsFailure.InvalidInput, 'a status change needs an actor and a reason');
        const refusal = adminTransitionRefusal(view.status, status, { openReturns: openReturns(view.returns), failing: fulfillmentOutcome.failure !== null });
        if (refusal !== null) refuse(OmsFailure.InvalidStatusTransition, refusal);
      },
    },
  );

  setHandler(
    addOrderNoteUpdate,
    ({ actor, note }) => {
      record({ actor, event: 'note_added', fromStatus: null, toStatus: null, reason: note });
      return view;
    },
    {
      validator: ({ actor, note }: OrderNoteInput) => {
        if (!actor || !note) refuse(OmsFailure.InvalidInput, 'a note needs an actor and a text');
      },
    },
  );

  setHandler(
    requestReturnUpdate,
    (request) => {
      const now = nowIso();
      view.returns.push({ returnId: request.returnId, lines: request.lines, reason: request.reason, status: 'requested', refund: null, requestedAt: now, updatedAt: now });
      const what = request.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ');
      record({ actor: request.requestedBy, event: 'return_requested', fromStatus: null, toStatus: null, reason: `return ${request.returnId} (${what}): ${request.reason}` });
      return view;
    },
    {
      validator: (request: ReturnRequestInput) => {
        if (view.status !== 'delivered' || view.returnWindowEndsAt === null) {
          refuse(OmsFailure.ReturnNotAllowed, `returns are accepted once the order is delivered and until its return window closes (the order is ${view.status})`);
        }
        if (Date.now() >= Date.parse(view.returnWindowEndsAt ?? '')) refuse(OmsFailure.ReturnNotAllowed, `the return window closed at ${view.returnWindowEndsAt}`);
        if (!Array.isArray(request.lines) || request.lines.length === 0) refuse(OmsFailure.InvalidReturn, 'a return needs at least one line');
        const problem = returnRequestProblem(request, view.supplierOrders, view.returns);
        if (problem !== null) refuse(OmsFailure.InvalidReturn, problem);
      },
    },
  );

  const findReturn = (returnId: string): OrderReturn => {
    const found = view.returns.find((r) => r.returnId === returnId);
    return found ?? refuse(OmsFailure.ReturnNotFound, `order ${orderId} has no return ${returnId}`);
  };

  setHandler(
    decideReturnUpdate,
    ({ returnId, approved, decidedBy, reason }) => {
      const ret = findReturn(returnId);
      ret.status = approved ? 'approved' : 'denied';
      ret.updatedAt = nowIso();
      record({ actor: decidedBy, event: approved ? 'return_approved' : 'return_denied', fromStatus: null, toStatus: null, reason: `return ${returnId}: ${reason}` });
      return view;
    },
    {
      validator: ({ returnId }: ReturnDecisionInput) => {
        const ret = findReturn(returnId);
        if (ret.status !== 'requested') refuse(OmsFailure.ReturnNotAllowed, `return ${returnId} is ${ret.status}, not awaiting a decision`);
      },
    },
  );

  setHandler(
    receiveReturnUpdate,
    async ({ returnId, receivedBy }) => {
      const ret = findReturn(returnId);
      if (ret.status === 'approved') {
        ret.status = 'received';
        ret.updatedAt = nowIso();
        record({ actor: receivedBy, event: 'return_received', fromStatus: null, toStatus: null, reason: `return ${returnId} received` });
      }
      // Refund only the returned lines' value, idempotent per return (a retried receive refunds once).
      const refund: Money = refundAmount(view.lines, ret.lines, view.totals.total.currency);
      try {
        await payments.refundPayment({ orderId, refundId: `refund:${orderId}:return:${returnId}`, amount: refund, reason: `return ${returnId}: ${ret.reason}` });
      } catch (error) {
        record({ actor: SYSTEM, event: 'return_refund_failed', fromStatus: null, toStatus: null, reason: `return ${returnId}: ${String(error)}` });
        throw error;
      }
      ret.status = 'refunded';
      ret.refund = refund;
      ret.updatedAt = nowIso();
      view.refunded = { amount: view.refunded.amount + refund.amount, currency: refund.currency };
      record({ actor: receivedBy, event: 'return_refunded', fromStatus: null, toStatus: null, reason: `return ${returnId}: ${refund.amount} ${refund.currency} refunded` });
      // Restock: the returned units come back on hand, once per return and SKU.
      const restocked: string[] = [];
      for (const line of ret.lines) {
        try {
          await inventory.receiveStock({
            receiptId: `return:${orderId}:${returnId}:${line.sku}`,
            sku: line.sku,
            quantity: line.quantity,
            reason: `return ${returnId} of order ${orderId}`,
            actor: receivedBy,
          });
          restocked.push(`${line.quantity} × ${line.sku}`);
        } catch (error) {
          record({ actor: SYSTEM, event: 'restock_failed', fromStatus: null, toStatus: null, reason: `return ${returnId}, ${line.sku}: ${String(error)}` });
        }
      }
      if (restocked.length > 0) record({ actor: receivedBy, event: 'return_restocked', fromStatus: null, toStatus: null, reason: `return ${returnId}: ${restocked.join(', ')}` });
      if (!isTerminalStatus(view.status) && everythingReturned(view.lines, view.returns)) {
        setStatus('returned', receivedBy, 'every line was returned and refunded');
      }
      return view;
    },
    {
      validator: ({ returnId }: ReceiveReturnInput) => {
        const ret = findReturn(returnId);
        if (ret.status !== 'approved' && ret.status !== 'received') {
          refuse(OmsFailure.ReturnNotAllowed, `return ${returnId} is ${ret.status}: only an approved return can be received`);
        }
      },
    },
  );

  // ---- projection batching ---------------------------------------------------------------

  /** Writes the state at most every flushMs: a burst of changes becomes one projectOrder. */
  async function flusher(): Promise<void> {
    for (;;) {
      await condition(() => dirty || closing);
      if (!dirty) return;
      if (!closing && flushMs > 0) await condition(() => closing, flushMs);
      dirty = false;
      const pending = timeline.filter((e) => e.seq > storedSeq);
      const version = view.version;
      await store.projectOrder({ view, timeline: pending });
      storedSeq = Math.max(storedSeq, pending.at(-1)?.seq ?? 0);
      flushedVersion = version;
      flushes += 1;
    }
  }

  // ---- the order's life ----------------------------------------------------------------------

  record({ actor: 'system:order-saga', event: 'status_changed', fromStatus: null, toStatus: 'placed', reason: `order ${order.confirmationNumber} placed, payment captured` });
  report(false, 'order placed');
  await store.saveOrder({ view, timeline: [...timeline] });
  storedSeq = timeline.length;
  flushedVersion = view.version;
  const flushing = flusher();

  const plans = await store.resolveSupplierAssignments({ orderId, lines: order.lines });
  const routedAt = nowIso();
  view.supplierOrders = plans.map((plan) => ({ ...plan, status: 'pending', trackingNumber: null, updatedAt: routedAt }));
  record({ actor: SYSTEM, event: 'routed', fromStatus: null, toStatus: null, reason: `routed to ${plans.length} supplier order(s): ${plans.map((p) => p.supplierOrderId).join(', ')}` });
  routed = true;
  for (const update of early.splice(0)) applyFulfillmentStatus(update);

  if (!isTerminalStatus(view.status)) {
    const started = await fulfillment.startFulfillment({
      orderId,
      confirmationNumber: order.confirmationNumber,
      omsWorkflowId: workflowInfo().workflowId,
      holdId: order.holdId,
      customer: order.customer,
      shippingAddress: order.shippingAddress,
      supplierOrders: plans,
      settings: { mode: settings.fulfillmentMode, simulatedStageMs: settings.simulatedStageMs, dropshipPollMs: settings.dropshipPollMs },
    });
    fulfillmentStarted = true;
    record({ actor: SYSTEM, event: 'fulfillment_started', fromStatus: null, toStatus: null, reason: `fulfillment ${started.workflowId} started` });
    // Cancelled (or failed) while fulfillment was starting: stop it now that it exists.
    const deferred = deferredCancellation as { cancelledBy: string; reason: string } | null;
    if (deferred !== null) cancelFulfillment(deferred.cancelledBy, deferred.reason);
  }

  while (!isTerminalStatus(view.status)) {
    const failure = fulfillmentOutcome.failure;
    if (failure !== null) {
      // The saga compensates (refund, release); the order is refunded once it has.
      const outcome = await sagaOutcome.awaitSagaOutcome({ sagaWorkflowId });
      if (isTerminalStatus(view.status)) break;
      if (outcome.status === null) {
        setStatus('cancelled', SYSTEM, `${failure.reason}; no order saga to refund the payment`);
      } else {
        setStatus('refunded', 'system:order-saga', `${failure.reason}; the order saga ended ${outcome.status} and refunded the payment`);
      }
      break;
    }
    if (view.status === 'delivered' && view.returnWindowEndsAt !== null) {
      const remaining = Date.parse(view.returnWindowEndsAt) - Date.now();
      if (remaining > 0) {
        await condition(() => view.status !== 'delivered', remaining);
        continue;
      }
      // The window closed: returns still open are finished first.
      await condition(() => openReturns(view.returns) === 0 || view.status !== 'delivered');
      if (view.status === 'delivered') setStatus('completed', SYSTEM, `the return window closed at ${view.returnWindowEndsAt}`);
      continue;
    }
    const status = view.status;
    await condition(() => view.status !== status || fulfillmentOutcome.failure !== null);
  }

  // Cancelled or refunded: supplier orders still moving (cancellation in flight) are recorded.
  if (view.status === 'cancelled' || view.status === 'refunded') {
    await condition(() => !fulfillmentStarted || view.supplierOrders.every((s) => s.status !== 'pending' && s.status !== 'processing'), SETTLE_MS);
  }
  await cancellations;
  await reports;
  await condition(allHandlersFinished);
  closing = true;
  await flushing;
  return { orderId, status: view.status };
}
