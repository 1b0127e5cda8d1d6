import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  TemporalFailure,
  TimeoutFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { INVENTORY_TASK_QUEUE, type InventoryActivities } from '@commerce/contracts/inventory';
import {
  OMS_TASK_QUEUE,
  orderCancellationSignal,
  orderWorkflowId,
  type OmsActivities,
} from '@commerce/contracts/oms';
import {
  cancelOrderUpdate,
  decideApprovalUpdate,
  OrderSagaFailure,
  orderProgressSignal,
  orderSagaQuery,
  placeOrderUpdate,
  type CompensationName,
  type CompensationRecord,
  type OrderSagaInput,
  type OrderSagaResult,
  type OrderSagaState,
  type OrderSagaStatus,
  type PaymentActivities,
  type PlacementDecision,
  type SagaStep,
} from '@commerce/contracts/order-saga';
import { paymentSummary, summarizeLedger } from '../domain/ledger-summary.js';
import {
  attemptsLeft,
  backoffMs,
  COMPENSATION_RETRY,
  PAYMENT_RETRY,
  STEP_RETRY,
  type RetryPlan,
} from '../domain/retry-plan.js';
import {
  approvalInputRefusal,
  approvalRefusal,
  cancellationInputRefusal,
  cancellationRefusal,
  compensationRefundId,
  holdLines,
  initialSagaState,
  isCheckoutOrder,
  isFinalStatus,
  omsSettings,
  orderLinesIn,
  orderSkus,
  placedOrder,
  planPaymentUndo,
  RESERVING_HOLD_STATUSES,
  sagaHoldId,
  stockCompensation,
  unreservedSkus,
  type Refusal,
  type StopStatus,
} from '../domain/saga-state.js';

// Every activity call is ONE attempt: the saga retries by its retry plans (src/domain/retry-plan.ts)
// so each attempt and the last error show in its query while it is still retrying. A worker
// that is down is not an attempt: the task waits in its queue (no schedule-to-start timeout).
const ONE_ATTEMPT = { maximumAttempts: 1 };

const inventory = proxyActivities<InventoryActivities>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: ONE_ATTEMPT,
});
const oms = proxyActivities<OmsActivities>({
  taskQueue: OMS_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: ONE_ATTEMPT,
});
/** The payment activities run on the saga's own queue (ORDER_SAGA_TASK_QUEUE), beside the processor and its ledger. */
const payments = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: ONE_ATTEMPT,
});

/**
 * Version 2 of the saga: before capturing, check that the order's stock is still reserved (a
 * hold released or expired behind the saga's back — e.g. during a day-long approval wait — must
 * not be charged for). Executions started before it replay without the check.
 */
export const VERIFY_HOLD_BEFORE_CAPTURE_PATCH = 'verify-hold-before-capture';

/** A forward step that failed for good: `final` when retrying could never help (a business refusal). */
class StepFailed extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    message: string,
    readonly final: boolean,
  ) {
    super(message);
  }
}

/** The saga stops going forward: compensate, then end in `status`. */
class SagaStop extends Error {
  constructor(
    readonly status: StopStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface FailureInfo {
  code: string;
  message: string;
  final: boolean;
}

/** What an activity failure means for a retry plan; null for anything that is not a Temporal failure (a bug: let it fail the task). */
function describeFailure(error: unknown, plan: RetryPlan): FailureInfo | null {
  if (!(error instanceof TemporalFailure)) return null;
  const cause = error instanceof ActivityFailure && error.cause !== undefined ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const code = cause.type ?? 'ApplicationFailure';
    return {
      code,
      message: cause.message,
      final: cause.nonRetryable || (plan.nonRetryableTypes ?? []).includes(code),
    };
  }
  if (cause instanceof TimeoutFailure)
    return { code: 'ActivityTimeout', message: cause.message, final: false };
  return { code: cause.name, message: cause.message, final: false };
}

const nowIso = (): string => new Date().toISOString();

/**
 * Placing an order is a saga (SPEC §4.4). Id `order:<orderId>`, started by update-with-start
 * with `placeOrderUpdate`, whose answer (accepted / declined) is given as soon as the payment is
 * authorized or declined while the saga goes on. Steps, each followed by its compensation:
 * reserve stock (release) → authorize (void) → approval for high-value orders → capture (the
 * void becomes a refund) → hand to OMS and follow it to delivery (cancel the order).
 * A checkout order (input.holdId set) confirms only its own SKUs of the checkout's hold, and
 * until it is accepted its stock compensation REOPENS them (confirmed → held: the checkout keeps
 * the hold for the shopper's next attempt); once accepted it releases them like a direct order.
 * Cancellation (until shipment), rejection, approval expiry and fulfillment failure compensate in
 * reverse order, in a non-cancellable scope, each compensation retried until it succeeds.
 */
export async function orderSagaWorkflow(input: OrderSagaInput): Promise<OrderSagaResult> {
  const { orderId } = input;
  const holdId = sagaHoldId(input);
  const currency = input.totals.total.currency;
  const state: OrderSagaState = initialSagaState(input, nowIso());
  /** Registered compensations, in registration order (run from the end). */
  const registered: CompensationName[] = [];
  let decision: PlacementDecision | null = null;
  let delivered = false;
  let fulfillmentFailure: string | null = null;
  /** OMS ended the order itself (failed or cancelled there): no need to tell it. */
  let omsKnows = false;

  const touch = (): void => {
    state.updatedAt = nowIso();
  };
  const setStatus = (status: OrderSagaStatus): void => {
    if (state.status !== status)
      log.info('order saga status', { orderId, from: state.status, to: status });
    state.status = status;
    touch();
  };
  const enter = (step: SagaStep, status: OrderSagaStatus): void => {
    state.currentStep = step;
    setStatus(status);
  };
  const complete = (step: SagaStep): void => {
    state.completedSteps.push(step);
    state.currentStep = null;
    touch();
  };
  const register = (name: CompensationName): void => {
    registered.push(name);
  };
  const unregister = (name: CompensationName): void => {
    const at = registered.lastIndexOf(name);
    if (at >= 0) registered.splice(at, 1);
  };
  const answer = (
    outcome: PlacementDecision['outcome'],
    details: { code?: string; reason?: string } = {},
  ): void => {
    if (decision !== null) return;
    decision = { orderId, outcome, status: state.status, ...details };
    state.placement = decision;
    log.info('order placement answered', {
      orderId,
      outcome,
      status: state.status,
      code: details.code,
    });
  };
  const refuse = (refusal: Refusal | null): void => {
    if (refusal !== null)
      throw ApplicationFailure.create({
        type: refusal.type,
        message: refusal.message,
        nonRetryable: true,
      });
  };
  const cancelRequested = (): boolean => state.cancellation !== null;
  const checkCancelled = (): void => {
    if (state.cancellation !== null) {
      throw new SagaStop(
        'cancelled',
        'OrderCancelled',
        `cancelled by ${state.cancellation.cancelledBy}: ${state.cancellation.reason}`,
      );
    }
  };

  // ---- messages ------------------------------------------------------------------------------

  setHandler(orderSagaQuery, () => state);

  setHandler(placeOrderUpdate, async () => {
    await condition(() => decision !== null);
    if (decision === null) throw new Error('unreachable: no placement decision');
    return decision;
  });

  setHandler(
    decideApprovalUpdate,
    async (approval) => {
      state.approval = { ...approval, decidedAt: nowIso() };
      touch();
      // Answer with the decision's effect: captured and handed on, or compensated.
      await condition(
        () => !['awaiting_approval', 'capturing_payment', 'compensating'].includes(state.status),
      );
      return state;
    },
    { validator: (approval) => refuse(approvalInputRefusal(approval) ?? approvalRefusal(state)) },
  );

  setHandler(
    cancelOrderUpdate,
    async (request) => {
      if (state.cancellation === null) {
        state.cancellation = { ...request, requestedAt: nowIso() };
        touch();
        log.info('order cancellation requested', {
          orderId,
          cancelledBy: request.cancelledBy,
          reason: request.reason,
        });
      }
      await condition(() => isFinalStatus(state.status));
      return state;
    },
    {
      validator: (request) =>
        refuse(cancellationInputRefusal(request) ?? cancellationRefusal(state)),
    },
  );

  setHandler(orderProgressSignal, (progress) => {
    if (progress.orderId !== orderId) {
      log.warn('order progress of another order ignored', { orderId, reported: progress.orderId });
      return;
    }
    state.orderStatus = progress.status;
    if (progress.status === 'delivered') delivered = true;
    if (progress.failed) {
      fulfillmentFailure = progress.reason ?? `fulfillment failed (order ${progress.status})`;
      omsKnows = true;
    } else if (progress.status === 'cancelled' && state.cancellation === null) {
      // Cancelled in OMS itself (e.g. by an admin): the money and stock still have to come back.
      state.cancellation = {
        cancelledBy: 'system:oms',
        reason: progress.reason ?? 'cancelled in OMS',
        requestedAt: nowIso(),
      };
      omsKnows = true;
    }
    touch();
  });

  // ---- retries -------------------------------------------------------------------------------

  /** One forward operation under its retry plan; attempts and the last error go to the query. */
  async function attempt<T>(
    operation: string,
    plan: RetryPlan,
    call: () => Promise<T>,
  ): Promise<T> {
    for (let n = 1; ; n++) {
      state.attempts[operation] = (state.attempts[operation] ?? 0) + 1;
      touch();
      try {
        return await call();
      } catch (error) {
        if (isCancellation(error)) throw error;
        const failure = describeFailure(error, plan);
        if (failure === null) throw error;
        state.lastError = { code: failure.code, message: failure.message };
        touch();
        if (failure.final || !attemptsLeft(plan, n)) {
          log.warn('order saga step failed', {
            orderId,
            operation,
            attempt: n,
            code: failure.code,
            final: failure.final,
          });
          throw new StepFailed(operation, failure.code, failure.message, failure.final);
        }
        log.info('order saga step attempt failed; retrying', {
          orderId,
          operation,
          attempt: n,
          code: failure.code,
        });
        await sleep(backoffMs(plan, n));
      }
    }
  }

  /** A failed step stops the saga: business refusals end in `refusal`, exhausted retries in `failed`. */
  const stopOn = (error: unknown, refusal: StopStatus): unknown => {
    if (!(error instanceof StepFailed)) return error;
    return new SagaStop(error.final ? refusal : 'failed', error.code, error.message);
  };

  // ---- the forward path ----------------------------------------------------------------------

  async function placeAndFulfil(): Promise<void> {
    // 1. Stock: confirm the checkout's hold, or hold now (the hold id is derived from the order id,
    // so a retried hold is the same hold). Registered first: a hold whose answer was lost is released too.
    enter('reserve_stock', 'reserving_stock');
    register(stockCompensation(input));
    try {
      if (input.holdId === undefined) {
        try {
          await attempt('holdStock', STEP_RETRY, () =>
            inventory.holdStock({
              holdId,
              owner: holdId,
              lines: holdLines(input.lines),
              ttlSeconds: input.settings.holdTtlSeconds,
            }),
          );
        } catch (error) {
          // A refused hold holds nothing (all lines or none).
          if (error instanceof StepFailed && error.final) unregister('release_stock');
          throw error;
        }
      }
      await attempt('confirmHold', STEP_RETRY, () =>
        isCheckoutOrder(input)
          ? // Only the order's lines: the checkout's hold may have released lines of removed items.
            inventory.confirmHold({
              holdId,
              skus: orderSkus(input.lines),
              reason: `order ${orderId} placed`,
            })
          : inventory.confirmHold({ holdId, reason: `order ${orderId} placed` }),
      );
    } catch (error) {
      throw stopOn(error, 'declined');
    }
    complete('reserve_stock');
    checkCancelled();

    // 2. Payment authorization (idempotency key: the order id) — the early answer.
    enter('authorize_payment', 'authorizing_payment');
    register('void_payment');
    try {
      const authorization = await attempt('authorizePayment', PAYMENT_RETRY, () =>
        payments.authorizePayment({
          orderId,
          amount: input.totals.total,
          paymentMethod: input.paymentMethod,
        }),
      );
      state.payment.authorizationId = authorization.authorizationId;
      state.payment.authorized = authorization.amount;
    } catch (error) {
      // A decline authorizes nothing; an unknown outcome keeps the void (it reads the ledger).
      if (error instanceof StepFailed && error.final) unregister('void_payment');
      throw stopOn(error, 'declined');
    }
    complete('authorize_payment');
    setStatus(state.requiresApproval ? 'awaiting_approval' : 'capturing_payment');
    answer('accepted');
    // Accepted: the checkout is done with the hold, so undoing the order now releases its stock.
    const reopenAt = registered.lastIndexOf('reopen_stock');
    if (reopenAt >= 0) registered[reopenAt] = 'release_stock';

    // 3. High-value orders wait for a human decision.
    if (state.requiresApproval) {
      checkCancelled();
      enter('await_approval', 'awaiting_approval');
      const windowMs = input.settings.approvalWindowMs;
      state.approvalDeadline = new Date(new Date().getTime() + windowMs).toISOString();
      const decided = await condition(() => state.approval !== null || cancelRequested(), windowMs);
      checkCancelled();
      if (!decided || state.approval === null) {
        throw new SagaStop(
          'approval_expired',
          'ApprovalExpired',
          `no approval decision within ${windowMs} ms`,
        );
      }
      if (!state.approval.approved) {
        throw new SagaStop(
          'rejected',
          'OrderRejected',
          `rejected by ${state.approval.approvedBy}: ${state.approval.reason}`,
        );
      }
      complete('await_approval');
    }

    // 4. Capture: from here on undoing the payment is a refund.
    checkCancelled();
    enter('capture_payment', 'capturing_payment');
    const authorizationId = state.payment.authorizationId;
    if (authorizationId === null) throw new Error('unreachable: capture without an authorization');
    if (patched(VERIFY_HOLD_BEFORE_CAPTURE_PATCH)) {
      let missing: string[];
      try {
        missing = unreservedSkus(
          await attempt('getHold', STEP_RETRY, () => inventory.getHold({ holdId })),
          input.lines,
        );
      } catch (error) {
        throw stopOn(error, 'failed');
      }
      if (missing.length > 0) {
        const message = `hold ${holdId} no longer reserves ${missing.join(', ')}: not capturing`;
        state.lastError = { code: OrderSagaFailure.StockNoLongerHeld, message };
        throw new SagaStop('failed', OrderSagaFailure.StockNoLongerHeld, message);
      }
    }
    try {
      const capture = await attempt('capturePayment', PAYMENT_RETRY, () =>
        payments.capturePayment({ orderId, authorizationId }),
      );
      state.payment.captured = capture.amount;
    } catch (error) {
      throw stopOn(error, 'failed');
    }
    const voidAt = registered.lastIndexOf('void_payment');
    if (voidAt >= 0) registered[voidAt] = 'refund_payment';
    complete('capture_payment');

    // 5. OMS takes the order; the saga follows it until delivered, failed or cancelled.
    checkCancelled();
    enter('fulfill_order', 'fulfilling');
    register('cancel_order');
    try {
      await attempt('startOrder', STEP_RETRY, () =>
        oms.startOrder({
          order: placedOrder(input),
          sagaWorkflowId: workflowInfo().workflowId,
          settings: omsSettings(input.settings),
        }),
      );
    } catch (error) {
      throw stopOn(error, 'failed');
    }
    await condition(() => delivered || fulfillmentFailure !== null || cancelRequested());
    if (delivered) {
      complete('fulfill_order');
      return;
    }
    // OMS ended the order itself (fulfillment failed, or cancelled there): nothing to tell it.
    if (omsKnows) unregister('cancel_order');
    if (fulfillmentFailure !== null)
      throw new SagaStop('failed', 'FulfillmentFailedError', fulfillmentFailure);
    checkCancelled();
  }

  // ---- compensation --------------------------------------------------------------------------

  async function undo(name: CompensationName, why: string): Promise<void> {
    switch (name) {
      case 'release_stock': {
        // Only the order's lines still reserving stock (fulfilled lines have left; released /
        // expired ones are back; other lines of a checkout's hold are not the order's).
        const hold = await inventory.getHold({ holdId });
        const skus = orderLinesIn(hold, input.lines, RESERVING_HOLD_STATUSES);
        if (skus.length > 0) await inventory.releaseHold({ holdId, skus, reason: why });
        return;
      }
      case 'reopen_stock': {
        // A checkout order that was not accepted: its confirmed lines go back to held with a fresh
        // expiry; the checkout still owns the hold and releases it itself on cancel / expiry.
        const hold = await inventory.getHold({ holdId });
        const skus = orderLinesIn(hold, input.lines, ['confirmed']);
        if (skus.length > 0) {
          await inventory.reopenHold({
            holdId,
            skus,
            ttlSeconds: input.settings.holdTtlSeconds,
            reason: why,
          });
        }
        return;
      }
      case 'void_payment':
      case 'refund_payment': {
        // Decided from the ledger, not from what the saga believes: an authorization or capture
        // whose answer was lost is undone as well, and a retry never refunds twice.
        const entries = await payments.listLedger({ orderId });
        const plan = planPaymentUndo(summarizeLedger(entries), orderId);
        if (plan.kind === 'void') {
          entries.push(
            await payments.voidPayment({ orderId, authorizationId: plan.authorizationId }),
          );
        } else if (plan.kind === 'refund') {
          entries.push(
            await payments.refundPayment({
              orderId,
              refundId: compensationRefundId(orderId),
              amount: plan.amount,
              reason: why,
            }),
          );
        }
        state.payment = paymentSummary(entries, currency);
        return;
      }
      case 'cancel_order': {
        if (omsKnows) return;
        const cancelledBy = state.cancellation?.cancelledBy ?? 'system:order-saga';
        try {
          await getExternalWorkflowHandle(orderWorkflowId(orderId)).signal(
            orderCancellationSignal,
            { cancelledBy, reason: why },
          );
        } catch (error) {
          // The only ways a signal to another workflow fails: it does not exist (OMS never got the
          // order, or it already ended) — nothing left to cancel there.
          if (!(error instanceof TemporalFailure)) throw error;
          log.info('no OMS order to cancel', { orderId, error: error.message });
        }
        return;
      }
    }
  }

  /** Runs the registered compensations in reverse, each until it succeeds; nothing cancels them. */
  async function compensate(why: string): Promise<void> {
    if (registered.length === 0) return;
    state.currentStep = null;
    setStatus('compensating');
    await CancellationScope.nonCancellable(async () => {
      for (let name = registered.at(-1); name !== undefined; name = registered.at(-1)) {
        const record: CompensationRecord = { name, status: 'running', attempts: 0 };
        state.compensations.push(record);
        for (let n = 1; ; n++) {
          record.attempts = n;
          touch();
          try {
            await undo(name, why);
            break;
          } catch (error) {
            const failure = describeFailure(error, COMPENSATION_RETRY);
            if (failure === null) throw error;
            record.lastError = `${failure.code}: ${failure.message}`;
            state.lastError = { code: failure.code, message: failure.message };
            log.warn('compensation failed; retrying', {
              orderId,
              compensation: name,
              attempt: n,
              code: failure.code,
              error: failure.message,
            });
            await sleep(backoffMs(COMPENSATION_RETRY, n));
          }
        }
        record.status = 'done';
        registered.pop();
        touch();
        log.info('compensation done', { orderId, compensation: name, attempts: record.attempts });
      }
    });
  }

  // ---- run -----------------------------------------------------------------------------------

  let final: 'delivered' | StopStatus = 'delivered';
  try {
    await placeAndFulfil();
  } catch (error) {
    let stop: SagaStop;
    if (error instanceof SagaStop) stop = error;
    else if (isCancellation(error)) {
      // The workflow itself was cancelled (not through cancelOrderUpdate): undo everything.
      state.cancellation ??= {
        cancelledBy: 'system:temporal',
        reason: 'saga workflow cancelled',
        requestedAt: nowIso(),
      };
      stop = new SagaStop('cancelled', 'OrderCancelled', 'saga workflow cancelled');
    } else throw error;
    final = stop.status;
    log.info('order saga stopping', {
      orderId,
      status: stop.status,
      code: stop.code,
      reason: stop.message,
    });
    await compensate(`order ${orderId} ${stop.status}: ${stop.message}`);
    state.currentStep = null;
    setStatus(final);
    // A refused order is answered once everything it held is released: "declined" means nothing held or charged.
    answer('declined', { code: stop.code, reason: stop.message });
  }
  state.currentStep = null;
  setStatus(final);
  // Non-cancellable: after a workflow cancellation the root scope is cancelled, yet the updates
  // waiting for the outcome still deserve their answer.
  await CancellationScope.nonCancellable(() => condition(allHandlersFinished));
  return { orderId, status: final };
}
