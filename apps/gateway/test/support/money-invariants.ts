import type { StockLevel } from '@commerce/contracts/inventory';
import type { LedgerEntry, OrderSagaState } from '@commerce/contracts/order-saga';
import { expect } from 'vitest';

/** The money of one order as its ledger says (minor units). */
export interface LedgerTotals {
  authorized: number;
  captured: number;
  refunded: number;
  voided: number;
  declined: number;
  /** What the customer is out of pocket: captured − refunded. */
  charged: number;
  count: Record<LedgerEntry['kind'], number>;
}

export function ledgerTotals(entries: readonly LedgerEntry[]): LedgerTotals {
  const of = (kind: LedgerEntry['kind']) => entries.filter((e) => e.kind === kind);
  const sum = (kind: LedgerEntry['kind']) => of(kind).reduce((t, e) => t + e.amount.amount, 0);
  return {
    authorized: sum('authorization'),
    captured: sum('capture'),
    refunded: sum('refund'),
    voided: sum('void'),
    declined: sum('decline'),
    charged: sum('capture') - sum('refund'),
    count: {
      authorization: of('authorization').length,
      capture: of('capture').length,
      void: of('void').length,
      refund: of('refund').length,
      decline: of('decline').length,
    },
  };
}

/**
 * The money invariants every order keeps, checked on its ledger (entries oldest first) and against
 * the saga's payment summary: one authorization outcome, at most one capture (never more than
 * authorized), a void only without a capture, refunds only after the capture, one per refund id,
 * never more than captured — so no order is ever charged twice.
 */
export function expectMoneyInvariants(
  entries: readonly LedgerEntry[],
  saga?: OrderSagaState,
): LedgerTotals {
  const totals = ledgerTotals(entries);
  const at = (e: LedgerEntry | undefined) => (e ? entries.indexOf(e) : -1);
  const first = (kind: LedgerEntry['kind']) => entries.find((e) => e.kind === kind);
  const context = JSON.stringify(entries);
  expect(new Set(entries.map((e) => e.orderId)).size, context).toBeLessThanOrEqual(1);
  expect(new Set(entries.map((e) => e.entryId)).size, context).toBe(entries.length);
  expect(totals.count.authorization + totals.count.decline, context).toBeLessThanOrEqual(1);
  expect(totals.count.capture, context).toBeLessThanOrEqual(1);
  expect(totals.count.void, context).toBeLessThanOrEqual(1);
  if (totals.count.capture > 0) {
    expect(at(first('authorization')), context).toBeGreaterThanOrEqual(0);
    expect(at(first('authorization')), context).toBeLessThan(at(first('capture')));
    expect(totals.captured, context).toBeLessThanOrEqual(totals.authorized);
    expect(totals.count.void, context).toBe(0);
  }
  if (totals.count.void > 0) expect(totals.count.authorization, context).toBe(1);
  if (totals.count.refund > 0) {
    expect(totals.count.capture, context).toBe(1);
    for (const refund of entries.filter((e) => e.kind === 'refund'))
      expect(at(refund), context).toBeGreaterThan(at(first('capture')));
    const keys = entries.filter((e) => e.kind === 'refund').map((e) => e.operationKey);
    expect(new Set(keys).size, context).toBe(keys.length);
  }
  expect(totals.refunded, context).toBeLessThanOrEqual(totals.captured);
  if (saga) {
    expect(saga.payment.captured.amount, context).toBe(totals.captured);
    expect(saga.payment.refunded.amount, context).toBe(totals.refunded);
    expect(saga.payment.voided, context).toBe(totals.count.void > 0);
    expect(saga.payment.authorized.amount, context).toBe(totals.authorized);
  }
  return totals;
}

/** A SKU's counters agree: on_hand = available + held + confirmed + allocated. */
export function expectStockInvariant(level: StockLevel): void {
  expect(level.available + level.held + level.confirmed + level.allocated, JSON.stringify(level)).toBe(
    level.onHand,
  );
}

/**
 * Stock is conserved across a finished scenario: every SKU's on-hand changed by exactly
 * `onHandDelta` (units shipped out are negative, units returned positive; 0 when nothing left the
 * building), nothing stays reserved that was not reserved before, and the counters agree.
 */
export function expectStockConserved(
  before: readonly StockLevel[],
  after: readonly StockLevel[],
  onHandDelta: Readonly<Record<string, number>> = {},
): void {
  for (const level of after) {
    expectStockInvariant(level);
    const was = before.find((b) => b.sku === level.sku);
    expect(was, level.sku).toBeDefined();
    const delta = onHandDelta[level.sku] ?? 0;
    expect(level.onHand, `${level.sku} on hand`).toBe(was!.onHand + delta);
    expect(level.held + level.confirmed + level.allocated, `${level.sku} still reserved`).toBe(
      was!.held + was!.confirmed + was!.allocated,
    );
    expect(level.available, `${level.sku} available`).toBe(was!.available + delta);
  }
}
