import {
  OrderSagaFailure,
  type AuthorizePaymentInput,
  type LedgerEntry,
  type PaymentOperationInput,
  type RefundPaymentInput,
} from '@commerce/contracts/order-saga';
import { PaymentError } from './payment-error.js';
import { refundableAmount, summarizeLedger } from './ledger-summary.js';

// The simulated processor's rules as pure decisions: given an order's ledger (oldest first) and a
// request, the entry to append or a PaymentError. The ledger repository calls them atomically
// with respect to every other operation on the same order, so the rules hold under concurrency.

/** Test card tokens with a fixed answer (any other `tok_…` approves unless the credit limit declines). */
export const DECLINING_TOKEN = 'tok_chargeDeclined';
export const INVALID_CARD_TOKEN = 'tok_invalidCard';

/** Amounts above this (minor units) decline: 10,000.00. */
export const DEFAULT_CREDIT_LIMIT = 1_000_000;

/**
 * The ledger's idempotency keys, one per operation of an order: at most one authorization outcome
 * (authorization or decline), one capture, one void, and one refund per refundId.
 */
export const ledgerKeys = {
  authorization: (orderId: string): string => `authorize:${orderId}`,
  capture: (orderId: string): string => `capture:${orderId}`,
  void: (orderId: string): string => `void:${orderId}`,
  refund: (refundId: string): string => `refund:${refundId}`,
} as const;

/** What a decision needs besides the ledger: a fresh entry id and the time. */
export interface EntryStamp {
  entryId: string;
  createdAt: string;
}

/** The decline rule of a card and amount, or null when the processor approves. */
export function declineRule(
  input: AuthorizePaymentInput,
  creditLimit: number,
): { type: string; reason: string } | null {
  const { token } = input.paymentMethod;
  if (token === INVALID_CARD_TOKEN)
    return { type: OrderSagaFailure.InvalidCard, reason: 'the card is invalid' };
  if (token === DECLINING_TOKEN)
    return { type: OrderSagaFailure.PaymentDeclined, reason: 'the card was declined' };
  if (input.amount.amount > creditLimit) {
    return {
      type: OrderSagaFailure.PaymentDeclined,
      reason: `the amount exceeds the credit limit of ${creditLimit} minor units`,
    };
  }
  return null;
}

/** Authorization (or decline: also a ledger row) of the whole order amount. */
export function decideAuthorization(
  input: AuthorizePaymentInput,
  creditLimit: number,
  stamp: EntryStamp,
): LedgerEntry {
  const rule = declineRule(input, creditLimit);
  const base = {
    ...stamp,
    orderId: input.orderId,
    amount: input.amount,
    operationKey: input.orderId,
  };
  return rule === null
    ? { ...base, kind: 'authorization' }
    : { ...base, kind: 'decline', reason: rule.reason, declineCode: rule.type };
}

/** The error a decline entry stands for (a retried authorization answers the same). */
export function declineError(entry: LedgerEntry): PaymentError {
  const type =
    entry.declineCode === OrderSagaFailure.InvalidCard
      ? OrderSagaFailure.InvalidCard
      : OrderSagaFailure.PaymentDeclined;
  return new PaymentError(
    type,
    `payment of order ${entry.orderId} declined: ${entry.reason ?? 'declined'}`,
    { entryId: entry.entryId },
  );
}

function authorizationOf(
  entries: readonly LedgerEntry[],
  input: PaymentOperationInput,
): LedgerEntry {
  const { authorization } = summarizeLedger(entries);
  if (authorization === null)
    throw new PaymentError(
      OrderSagaFailure.PaymentNotFound,
      `order ${input.orderId} has no authorization`,
    );
  if (authorization.entryId !== input.authorizationId) {
    throw new PaymentError(
      OrderSagaFailure.PaymentNotFound,
      `order ${input.orderId} has no authorization ${input.authorizationId}`,
    );
  }
  return authorization;
}

/** Capture of the whole authorization; refused after a void. */
export function decideCapture(
  entries: readonly LedgerEntry[],
  input: PaymentOperationInput,
  stamp: EntryStamp,
): LedgerEntry {
  const authorization = authorizationOf(entries, input);
  if (summarizeLedger(entries).void !== null) {
    throw new PaymentError(
      OrderSagaFailure.AlreadyVoided,
      `the authorization of order ${input.orderId} was voided`,
    );
  }
  return {
    ...stamp,
    orderId: input.orderId,
    kind: 'capture',
    amount: authorization.amount,
    operationKey: input.orderId,
  };
}

/** Void of the whole authorization; refused once captured (refund instead). */
export function decideVoid(
  entries: readonly LedgerEntry[],
  input: PaymentOperationInput,
  stamp: EntryStamp,
): LedgerEntry {
  const authorization = authorizationOf(entries, input);
  if (summarizeLedger(entries).capture !== null) {
    throw new PaymentError(
      OrderSagaFailure.AlreadyCaptured,
      `the payment of order ${input.orderId} was captured: refund it instead`,
    );
  }
  return {
    ...stamp,
    orderId: input.orderId,
    kind: 'void',
    amount: authorization.amount,
    operationKey: input.orderId,
  };
}

/** A refund of part or all of what was captured and not refunded yet. */
export function decideRefund(
  entries: readonly LedgerEntry[],
  input: RefundPaymentInput,
  stamp: EntryStamp,
): LedgerEntry {
  const summary = summarizeLedger(entries);
  if (summary.capture === null)
    throw new PaymentError(
      OrderSagaFailure.PaymentNotFound,
      `order ${input.orderId} has no captured payment to refund`,
    );
  if (input.amount.currency !== summary.capture.amount.currency) {
    throw new PaymentError(
      OrderSagaFailure.InvalidOrder,
      `refund currency ${input.amount.currency} differs from the captured ${summary.capture.amount.currency}`,
    );
  }
  if (input.amount.amount <= 0)
    throw new PaymentError(OrderSagaFailure.InvalidOrder, 'a refund must be of a positive amount');
  const refundable = refundableAmount(summary);
  if (input.amount.amount > refundable) {
    throw new PaymentError(
      OrderSagaFailure.RefundExceedsCapture,
      `refund of ${input.amount.amount} exceeds the ${refundable} still refundable on order ${input.orderId}`,
      { requested: input.amount.amount, refundable, captured: summary.capture.amount.amount },
    );
  }
  return {
    ...stamp,
    orderId: input.orderId,
    kind: 'refund',
    amount: input.amount,
    operationKey: input.refundId,
    reason: input.reason,
  };
}

/** A refundId reused for a different amount is a conflict, not a retry. */
export function checkRefundRetry(existing: LedgerEntry, input: RefundPaymentInput): LedgerEntry {
  const same =
    existing.amount.amount === input.amount.amount &&
    existing.amount.currency === input.amount.currency;
  if (!same) {
    throw new PaymentError(
      OrderSagaFailure.IdempotencyConflict,
      `refund ${input.refundId} of order ${input.orderId} was made for ${existing.amount.amount} ${existing.amount.currency}, not ${input.amount.amount} ${input.amount.currency}`,
    );
  }
  return existing;
}
