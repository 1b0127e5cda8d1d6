import {
  OrderSagaFailure,
  type CompensationName,
  type OrderSagaInput,
  type OrderSagaSettings,
  type OrderSagaState,
  type OrderSagaStatus,
  type OrderSagaFailureType,
} from '@commerce/contracts/order-saga';
import type { OrderWorkflowInput, PlacedOrder } from '@commerce/contracts/oms';
import type { Money } from '@commerce/contracts/common';
import type { HoldLineInput } from '@commerce/contracts/inventory';
import type { LedgerSummary } from './ledger-summary.js';

// Pure rules of the order saga's state (workflow-safe: no Temporal or Node imports).

/** Statuses a saga ends in. */
export const FINAL_STATUSES: readonly OrderSagaStatus[] = [
  'delivered',
  'declined',
  'cancelled',
  'rejected',
  'approval_expired',
  'failed',
];
export const isFinalStatus = (status: OrderSagaStatus): boolean => FINAL_STATUSES.includes(status);

/** The final statuses reached by compensating (or by declining). */
export type StopStatus = 'declined' | 'cancelled' | 'rejected' | 'approval_expired' | 'failed';

/** OMS order statuses before anything shipped: the order may still be cancelled. */
export const CANCELLABLE_ORDER_STATUSES: readonly string[] = ['placed', 'processing'];

/** A direct order holds its stock under the order's own hold id (the owner is the same string). */
export const directHoldId = (orderId: string): string => `order:${orderId}`;

/** The hold the saga confirms: the checkout's, or the one it holds itself for a direct order. */
export const sagaHoldId = (input: Pick<OrderSagaInput, 'orderId' | 'holdId'>): string =>
  input.holdId ?? directHoldId(input.orderId);

/** The refund id of the compensation (a retry can never refund twice). */
export const compensationRefundId = (orderId: string): string => `refund:${orderId}:compensation`;

export const requiresApproval = (input: Pick<OrderSagaInput, 'totals' | 'settings'>): boolean =>
  input.totals.total.amount > input.settings.approvalThreshold;

/** One hold line per SKU (an order may list an SKU twice). */
export function holdLines(lines: OrderSagaInput['lines']): HoldLineInput[] {
  const quantities = new Map<string, number>();
  for (const line of lines)
    quantities.set(line.sku, (quantities.get(line.sku) ?? 0) + line.quantity);
  return [...quantities].map(([sku, quantity]) => ({ sku, quantity }));
}

/** The order as OMS receives it once the payment is captured. */
export function placedOrder(input: OrderSagaInput): PlacedOrder {
  return {
    orderId: input.orderId,
    confirmationNumber: input.confirmationNumber,
    customer: input.customer,
    lines: input.lines,
    totals: input.totals,
    shippingAddress: input.shippingAddress,
    holdId: sagaHoldId(input),
    placedAt: input.placedAt,
  };
}

/** The part of the saga's settings that OMS and fulfillment use. */
export function omsSettings(settings: OrderSagaSettings): OrderWorkflowInput['settings'] {
  const { returnWindowMs, fulfillmentMode, simulatedStageMs, dropshipPollMs } = settings;
  return { returnWindowMs, fulfillmentMode, simulatedStageMs, dropshipPollMs };
}

export function initialSagaState(input: OrderSagaInput, now: string): OrderSagaState {
  const zero = { amount: 0, currency: input.totals.total.currency };
  return {
    orderId: input.orderId,
    confirmationNumber: input.confirmationNumber,
    status: 'pending',
    currentStep: null,
    completedSteps: [],
    compensations: [],
    attempts: {},
    lastError: null,
    total: input.totals.total,
    requiresApproval: requiresApproval(input),
    approval: null,
    approvalDeadline: null,
    cancellation: null,
    payment: {
      authorizationId: null,
      authorized: zero,
      captured: zero,
      refunded: zero,
      voided: false,
    },
    orderStatus: null,
    holdId: sagaHoldId(input),
    placement: null,
    updatedAt: now,
  };
}

export interface Refusal {
  type: OrderSagaFailureType;
  message: string;
}

/**
 * Why a cancellation is refused now, or null: refused once OMS reported any shipment
 * (OrderAlreadyShippedError), and once the saga finished or is compensating (OrderNotCancellableError).
 * A cancellation already requested and not yet compensated is accepted again (it joins the first).
 */
export function cancellationRefusal(
  state: Pick<OrderSagaState, 'orderId' | 'status' | 'orderStatus' | 'cancellation'>,
): Refusal | null {
  if (
    state.orderStatus !== null &&
    !CANCELLABLE_ORDER_STATUSES.includes(state.orderStatus) &&
    state.orderStatus !== 'cancelled'
  ) {
    return {
      type: OrderSagaFailure.AlreadyShipped,
      message: `order ${state.orderId} is ${state.orderStatus}: it can no longer be cancelled`,
    };
  }
  if (isFinalStatus(state.status)) {
    return {
      type: OrderSagaFailure.NotCancellable,
      message: `order ${state.orderId} is already ${state.status}`,
    };
  }
  if (state.status === 'compensating' && state.cancellation === null) {
    return {
      type: OrderSagaFailure.NotCancellable,
      message: `order ${state.orderId} is being compensated`,
    };
  }
  return null;
}

/** Why an approval decision is refused now, or null (only while awaiting one, and only once). */
export function approvalRefusal(
  state: Pick<OrderSagaState, 'orderId' | 'status' | 'approval' | 'cancellation'>,
): Refusal | null {
  if (
    state.status !== 'awaiting_approval' ||
    state.approval !== null ||
    state.cancellation !== null
  ) {
    return {
      type: OrderSagaFailure.NotAwaitingApproval,
      message: `order ${state.orderId} is ${state.status}, not awaiting approval`,
    };
  }
  return null;
}

const isText = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** An approval decision that breaks its contract shape (validators refuse it before it enters history). */
export function approvalInputRefusal(decision: unknown): Refusal | null {
  const d = (decision ?? {}) as Record<string, unknown>;
  if (typeof d.approved !== 'boolean' || !isText(d.approvedBy, 200) || !isText(d.reason, 500)) {
    return {
      type: OrderSagaFailure.InvalidOrder,
      message:
        'an approval decision needs approved (boolean), approvedBy (1-200 characters) and reason (1-500 characters)',
    };
  }
  return null;
}

/** A cancellation request that breaks its contract shape. */
export function cancellationInputRefusal(request: unknown): Refusal | null {
  const r = (request ?? {}) as Record<string, unknown>;
  if (!isText(r.cancelledBy, 200) || !isText(r.reason, 500)) {
    return {
      type: OrderSagaFailure.InvalidOrder,
      message: 'a cancellation needs cancelledBy (1-200 characters) and reason (1-500 characters)',
    };
  }
  return null;
}

/** Hold line statuses that still reserve the order's units. */
export const RESERVING_HOLD_STATUSES: readonly string[] = ['held', 'confirmed', 'allocated'];

/**
 * The order's SKUs its hold no longer reserves (the hold is gone, or a line was released or
 * expired behind the saga's back — an admin, a sweep): capturing then would charge for stock the
 * order does not have.
 */
export function unreservedSkus(
  hold: { lines: readonly { sku: string; status: string }[] } | null,
  lines: OrderSagaInput['lines'],
): string[] {
  const reserved = new Set(
    (hold?.lines ?? []).filter((l) => RESERVING_HOLD_STATUSES.includes(l.status)).map((l) => l.sku),
  );
  return [...new Set(lines.map((l) => l.sku))].filter((sku) => !reserved.has(sku));
}

/** The order's SKUs, each once, in order of first appearance. */
export const orderSkus = (lines: OrderSagaInput['lines']): string[] => [
  ...new Set(lines.map((l) => l.sku)),
];

/** A checkout order confirms (and gives back) lines of the checkout's hold; a direct order holds its own. */
export const isCheckoutOrder = (input: Pick<OrderSagaInput, 'holdId'>): boolean =>
  input.holdId !== undefined;

/**
 * The stock compensation registered when the saga reserves stock. A checkout order that stops
 * before it was accepted gives its confirmed lines back to the checkout (`reopen_stock`); once
 * accepted (and always for a direct order) the compensation releases them.
 */
export const stockCompensation = (input: Pick<OrderSagaInput, 'holdId'>): CompensationName =>
  isCheckoutOrder(input) ? 'reopen_stock' : 'release_stock';

/** The order's SKUs whose hold lines are in one of `statuses` (lines of other SKUs of the hold are not the order's). */
export function orderLinesIn(
  hold: { lines: readonly { sku: string; status: string }[] } | null,
  lines: OrderSagaInput['lines'],
  statuses: readonly string[],
): string[] {
  const skus = new Set(orderSkus(lines));
  return (hold?.lines ?? [])
    .filter((l) => skus.has(l.sku) && statuses.includes(l.status))
    .map((l) => l.sku);
}

/** What undoing the payment takes, read from the order's ledger summary. */
export type PaymentUndo =
  | { kind: 'nothing'; why: string }
  | { kind: 'void'; authorizationId: string }
  | { kind: 'refund'; amount: Money };

/**
 * The payment compensation decided from the ledger (not from what the saga believes happened, so
 * an authorization or capture whose answer was lost is undone too): nothing without an
 * authorization or once voided / fully refunded; a void before capture; after capture a refund of
 * what is still refundable (normally the full captured amount) unless the compensation's refund exists.
 */
export function planPaymentUndo(summary: LedgerSummary, orderId: string): PaymentUndo {
  if (summary.authorization === null) return { kind: 'nothing', why: 'nothing was authorized' };
  if (summary.capture === null) {
    return summary.void === null
      ? { kind: 'void', authorizationId: summary.authorization.entryId }
      : { kind: 'nothing', why: 'already voided' };
  }
  if (summary.refunds.some((r) => r.operationKey === compensationRefundId(orderId)))
    return { kind: 'nothing', why: 'already refunded' };
  const remaining = summary.capture.amount.amount - summary.refunded;
  if (remaining <= 0) return { kind: 'nothing', why: 'already refunded' };
  return {
    kind: 'refund',
    amount: { amount: remaining, currency: summary.capture.amount.currency },
  };
}

/** The compensation of each step (registered after the step, run in reverse). */
export const STEP_COMPENSATION = {
  reserve_stock: 'release_stock',
  authorize_payment: 'void_payment',
  capture_payment: 'refund_payment',
  fulfill_order: 'cancel_order',
} as const satisfies Record<string, CompensationName>;
