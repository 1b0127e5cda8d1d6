import type { LedgerEntry } from '@commerce/contracts/order-saga';

/** The money of one order as its ledger says (minor units). */
export interface LedgerTotals {
  currency: string | null;
  authorized: number;
  captured: number;
  refunded: number;
  voided: number;
  declined: number;
  /** What the customer is out of pocket now: captured − refunded. */
  charged: number;
}

export function ledgerTotals(entries: readonly LedgerEntry[]): LedgerTotals {
  const sum = (kind: LedgerEntry['kind']) =>
    entries.filter((e) => e.kind === kind).reduce((total, e) => total + e.amount.amount, 0);
  const captured = sum('capture');
  const refunded = sum('refund');
  return {
    currency: entries[0]?.amount.currency ?? null,
    authorized: sum('authorization'),
    captured,
    refunded,
    voided: sum('void'),
    declined: sum('decline'),
    charged: captured - refunded,
  };
}

/**
 * The money invariants of one order's ledger (entries oldest first), as a list of violations
 * (empty when the ledger is sound). Pure: the saga's tests and the gateway's end-to-end tests
 * check every order they touch with it.
 *
 * - one currency; at most one authorization outcome (an authorization or a decline, never both);
 * - at most one capture, only after an authorization, never more than authorized;
 * - at most one void, only of an authorization, never together with a capture;
 * - refunds only after a capture, one per refund id, together never more than captured.
 */
export function ledgerInvariantViolations(entries: readonly LedgerEntry[]): string[] {
  const problems: string[] = [];
  const of = (kind: LedgerEntry['kind']) => entries.filter((e) => e.kind === kind);
  const indexOf = (entry: LedgerEntry | undefined) =>
    entry === undefined ? -1 : entries.indexOf(entry);
  const orderIds = new Set(entries.map((e) => e.orderId));
  if (orderIds.size > 1) problems.push(`entries of several orders: ${[...orderIds].join(', ')}`);
  const currencies = new Set(entries.map((e) => e.amount.currency));
  if (currencies.size > 1) problems.push(`several currencies: ${[...currencies].join(', ')}`);
  const entryIds = new Set(entries.map((e) => e.entryId));
  if (entryIds.size !== entries.length) problems.push('duplicate entry ids');

  const authorizations = of('authorization');
  const declines = of('decline');
  const captures = of('capture');
  const voids = of('void');
  const refunds = of('refund');
  const authorization = authorizations[0];
  const capture = captures[0];

  if (authorizations.length > 1)
    problems.push(`${authorizations.length} authorizations (at most one)`);
  if (declines.length > 1) problems.push(`${declines.length} declines (at most one)`);
  if (authorizations.length > 0 && declines.length > 0)
    problems.push('both an authorization and a decline');
  if (captures.length > 1) problems.push(`${captures.length} captures (at most one)`);
  if (capture !== undefined) {
    if (authorization === undefined || indexOf(authorization) > indexOf(capture))
      problems.push('a capture without a prior authorization');
    else if (capture.amount.amount > authorization.amount.amount) {
      problems.push(
        `captured ${capture.amount.amount} > authorized ${authorization.amount.amount}`,
      );
    }
  }
  if (voids.length > 1) problems.push(`${voids.length} voids (at most one)`);
  if (voids.length > 0 && authorization === undefined)
    problems.push('a void without an authorization');
  if (voids.length > 0 && captures.length > 0) problems.push('both a void and a capture');
  if (refunds.length > 0) {
    if (capture === undefined) problems.push('a refund without a capture');
    else {
      if (refunds.some((r) => indexOf(r) < indexOf(capture)))
        problems.push('a refund before the capture');
      const refunded = refunds.reduce((total, r) => total + r.amount.amount, 0);
      if (refunded > capture.amount.amount)
        problems.push(`refunded ${refunded} > captured ${capture.amount.amount}`);
    }
    const keys = refunds.map((r) => r.operationKey);
    if (new Set(keys).size !== keys.length) problems.push('two refunds with one refund id');
  }
  return problems;
}

/** Throws listing every violation (for tests and checks that want an exception). */
export function assertLedgerInvariants(entries: readonly LedgerEntry[]): void {
  const problems = ledgerInvariantViolations(entries);
  if (problems.length > 0) {
    const orderId = entries[0]?.orderId ?? '?';
    throw new Error(
      `ledger of order ${orderId} breaks the money invariants: ${problems.join('; ')}`,
    );
  }
}
