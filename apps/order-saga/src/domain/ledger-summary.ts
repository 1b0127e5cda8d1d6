import type { LedgerEntry, OrderSagaState } from '@commerce/contracts/order-saga';

/** What one order's ledger says, entry by entry kind (entries oldest first). */
export interface LedgerSummary {
  authorization: LedgerEntry | null;
  decline: LedgerEntry | null;
  capture: LedgerEntry | null;
  void: LedgerEntry | null;
  refunds: LedgerEntry[];
  /** Sum of the refunds, minor units. */
  refunded: number;
}

/** Reads an order's ledger (first entry of each kind wins; the invariant checker reports duplicates). */
export function summarizeLedger(entries: readonly LedgerEntry[]): LedgerSummary {
  const first = (kind: LedgerEntry['kind']) => entries.find((entry) => entry.kind === kind) ?? null;
  const refunds = entries.filter((entry) => entry.kind === 'refund');
  return {
    authorization: first('authorization'),
    decline: first('decline'),
    capture: first('capture'),
    void: first('void'),
    refunds,
    refunded: refunds.reduce((sum, entry) => sum + entry.amount.amount, 0),
  };
}

/** The captured amount not yet refunded (0 without a capture). */
export function refundableAmount(summary: LedgerSummary): number {
  return summary.capture === null
    ? 0
    : Math.max(0, summary.capture.amount.amount - summary.refunded);
}

/** The saga query's payment summary, read from the ledger. */
export function paymentSummary(
  entries: readonly LedgerEntry[],
  currency: string,
): OrderSagaState['payment'] {
  const summary = summarizeLedger(entries);
  const money = (amount: number) => ({ amount, currency });
  return {
    authorizationId: summary.authorization?.entryId ?? null,
    authorized: money(summary.authorization?.amount.amount ?? 0),
    captured: money(summary.capture?.amount.amount ?? 0),
    refunded: money(summary.refunded),
    voided: summary.void !== null,
  };
}
