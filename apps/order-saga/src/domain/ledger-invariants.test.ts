import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@commerce/contracts/order-saga';
import {
  assertLedgerInvariants,
  ledgerInvariantViolations,
  ledgerTotals,
} from './ledger-invariants.js';

let n = 0;
const entry = (
  kind: LedgerEntry['kind'],
  amount: number,
  operationKey = 'o-1',
  currency = 'USD',
): LedgerEntry => ({
  entryId: `e${++n}`,
  orderId: 'o-1',
  kind,
  amount: { amount, currency },
  operationKey,
  createdAt: '2030-01-01T00:00:00.000Z',
});

describe('ledger invariants', () => {
  it('accepts the sound ledgers of every saga outcome', () => {
    const sound: LedgerEntry[][] = [
      [],
      [entry('decline', 100)],
      [entry('authorization', 100), entry('void', 100)],
      [entry('authorization', 100), entry('capture', 100)],
      [
        entry('authorization', 100),
        entry('capture', 100),
        entry('refund', 100, 'refund:o-1:compensation'),
      ],
      [
        entry('authorization', 100),
        entry('capture', 100),
        entry('refund', 30, 'r1'),
        entry('refund', 70, 'r2'),
      ],
    ];
    for (const ledger of sound) expect(ledgerInvariantViolations(ledger)).toEqual([]);
  });

  it('names every broken rule', () => {
    const cases: [LedgerEntry[], RegExp][] = [
      [[entry('authorization', 100), entry('authorization', 100)], /2 authorizations/],
      [[entry('authorization', 100), entry('decline', 100)], /both an authorization and a decline/],
      [[entry('capture', 100)], /capture without a prior authorization/],
      [[entry('authorization', 100), entry('capture', 100), entry('capture', 100)], /2 captures/],
      [[entry('authorization', 100), entry('capture', 200)], /captured 200 > authorized 100/],
      [
        [entry('authorization', 100), entry('capture', 100), entry('void', 100)],
        /both a void and a capture/,
      ],
      [[entry('authorization', 100), entry('refund', 10, 'r')], /refund without a capture/],
      [
        [
          entry('authorization', 100),
          entry('capture', 100),
          entry('refund', 60, 'a'),
          entry('refund', 60, 'b'),
        ],
        /refunded 120 > captured 100/,
      ],
      [
        [
          entry('authorization', 100),
          entry('capture', 100),
          entry('refund', 10, 'a'),
          entry('refund', 10, 'a'),
        ],
        /two refunds with one refund id/,
      ],
      [
        [entry('authorization', 100, 'o-1', 'USD'), entry('capture', 100, 'o-1', 'EUR')],
        /several currencies/,
      ],
    ];
    for (const [ledger, problem] of cases)
      expect(ledgerInvariantViolations(ledger).join('; ')).toMatch(problem);
    expect(() => assertLedgerInvariants([entry('capture', 1)])).toThrow(
      /breaks the money invariants/,
    );
  });

  it('totals the money of an order', () => {
    const totals = ledgerTotals([
      entry('authorization', 100),
      entry('capture', 100),
      entry('refund', 40, 'r'),
    ]);
    expect(totals).toEqual({
      currency: 'USD',
      authorized: 100,
      captured: 100,
      refunded: 40,
      voided: 0,
      declined: 0,
      charged: 60,
    });
  });
});
