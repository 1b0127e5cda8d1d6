import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderSagaFailure, type LedgerEntry } from '@commerce/contracts/order-saga';
import { createSimulatedPaymentProcessor } from '../../src/adapters/simulated/simulated-payment-processor.js';
import { assertLedgerInvariants } from '../../src/domain/ledger-invariants.js';
import { PaymentError } from '../../src/domain/payment-error.js';
import type { PaymentLedgerRepository } from '../../src/ports/payment-ledger.js';
import type { PaymentProcessor } from '../../src/ports/payment-processor.js';

export interface PaymentLedgerHarness {
  repo: PaymentLedgerRepository;
  /** The same store through another connection / client, as another worker process has it. */
  other: PaymentLedgerRepository;
  close(): void | Promise<void>;
}

let seq = 0;
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const entry = (
  orderId: string,
  kind: LedgerEntry['kind'],
  amount: number,
  extra: Partial<LedgerEntry> = {},
): LedgerEntry => ({
  entryId: `e-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
  orderId,
  kind,
  amount: { amount, currency: 'USD' },
  operationKey: orderId,
  createdAt: new Date(T0 + seq * 1_000).toISOString(),
  ...extra,
});

async function failureType(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { type?: string }).type ?? String(error);
  }
  throw new Error('expected a failure');
}

/**
 * The PaymentLedgerRepository contract: every adapter (SQLite, Cassandra) runs this suite against
 * a real store, directly and under the simulated processor (whose money rules depend on the
 * ledger's atomic appends). Every order a test touched is checked against the money invariants.
 */
export function describePaymentLedgerContract(
  adapter: string,
  createHarness: () => PaymentLedgerHarness | Promise<PaymentLedgerHarness>,
): void {
  describe(`PaymentLedgerRepository contract (${adapter})`, () => {
    let harness: PaymentLedgerHarness;
    let repo: PaymentLedgerRepository;
    let processor: PaymentProcessor;
    let touched: Set<string>;
    const order = (name: string) => {
      const id = `${name}-${Math.random().toString(36).slice(2, 10)}`;
      touched.add(id);
      return id;
    };
    const authorize = (p: PaymentProcessor, orderId: string, amount = 10_000) =>
      p.authorize({
        orderId,
        amount: { amount, currency: 'USD' },
        paymentMethod: { type: 'card', token: 'tok_visa' },
      });

    beforeEach(async () => {
      harness = await createHarness();
      repo = harness.repo;
      processor = createSimulatedPaymentProcessor({ ledger: repo });
      touched = new Set();
    });

    afterEach(async () => {
      try {
        for (const orderId of touched) assertLedgerInvariants(await repo.list(orderId));
      } finally {
        await harness.close();
      }
    });

    it('has an empty ledger for an unknown order', async () => {
      expect(await repo.list(order('unknown'))).toEqual([]);
    });

    it('appends entries and lists them oldest first, every field intact', async () => {
      const orderId = order('append');
      const a = entry(orderId, 'authorization', 2_500);
      const c = entry(orderId, 'capture', 2_500);
      const r = entry(orderId, 'refund', 500, { operationKey: 'ret-1', reason: 'returned a mug' });
      expect(await repo.append({ orderId, idempotencyKey: 'authorize', decide: () => a })).toEqual({
        entry: a,
        created: true,
      });
      await repo.append({ orderId, idempotencyKey: 'capture', decide: () => c });
      await repo.append({ orderId, idempotencyKey: 'refund:ret-1', decide: () => r });
      expect(await repo.list(orderId)).toEqual([a, c, r]);
      expect(await harness.other.list(orderId)).toEqual([a, c, r]);
    });

    it('keeps a decline with its code', async () => {
      const orderId = order('decline');
      const d = entry(orderId, 'decline', 100, {
        reason: 'the card was declined',
        declineCode: OrderSagaFailure.PaymentDeclined,
      });
      await repo.append({ orderId, idempotencyKey: 'authorize', decide: () => d });
      expect(await repo.list(orderId)).toEqual([d]);
    });

    it('returns the first entry for a repeated idempotency key without deciding again', async () => {
      const orderId = order('retry');
      const first = entry(orderId, 'authorization', 100);
      await repo.append({ orderId, idempotencyKey: 'authorize', decide: () => first });
      let decided = 0;
      const again = await harness.other.append({
        orderId,
        idempotencyKey: 'authorize',
        decide: () => {
          decided++;
          return entry(orderId, 'authorization', 999);
        },
      });
      expect(again).toEqual({ entry: first, created: false });
      expect(decided).toBe(0);
      expect(await repo.list(orderId)).toHaveLength(1);
    });

    it('decides from the entries already there, and writes nothing when decide refuses', async () => {
      const orderId = order('decide');
      await repo.append({
        orderId,
        idempotencyKey: 'authorize',
        decide: () => entry(orderId, 'authorization', 100),
      });
      let seen: string[] = [];
      const refusal = repo.append({
        orderId,
        idempotencyKey: 'capture',
        decide: (entries) => {
          seen = entries.map((e) => e.kind);
          throw new PaymentError(OrderSagaFailure.AlreadyVoided, 'refused');
        },
      });
      expect(await failureType(refusal)).toBe(OrderSagaFailure.AlreadyVoided);
      expect(seen).toEqual(['authorization']);
      expect((await repo.list(orderId)).map((e) => e.kind)).toEqual(['authorization']);
    });

    it('keeps orders apart: the same idempotency key on two orders is two entries', async () => {
      const one = order('apart-1');
      const two = order('apart-2');
      await repo.append({
        orderId: one,
        idempotencyKey: 'authorize',
        decide: () => entry(one, 'authorization', 1),
      });
      await repo.append({
        orderId: two,
        idempotencyKey: 'authorize',
        decide: () => entry(two, 'authorization', 2),
      });
      expect((await repo.list(one)).map((e) => e.amount.amount)).toEqual([1]);
      expect((await repo.list(two)).map((e) => e.amount.amount)).toEqual([2]);
    });

    it('writes one entry when the same operation arrives many times at once, from two processes', async () => {
      const orderId = order('dup');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? repo : harness.other).append({
            orderId,
            idempotencyKey: 'authorize',
            decide: () => entry(orderId, 'authorization', 100),
          }),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.entry.entryId)).size).toBe(1);
      expect(await repo.list(orderId)).toHaveLength(1);
    });

    it('two concurrent captures of the same order leave one capture row', async () => {
      const orderId = order('capture-race');
      const other = createSimulatedPaymentProcessor({ ledger: harness.other });
      const { authorizationId } = await authorize(processor, orderId);
      const [a, b] = await Promise.all([
        processor.capture({ orderId, authorizationId }),
        other.capture({ orderId, authorizationId }),
      ]);
      expect(a).toEqual(b);
      expect((await repo.list(orderId)).map((e) => e.kind)).toEqual(['authorization', 'capture']);
    });

    it('a capture racing a void: exactly one of them happens', async () => {
      const orderId = order('capture-void');
      const other = createSimulatedPaymentProcessor({ ledger: harness.other });
      const { authorizationId } = await authorize(processor, orderId);
      const outcomes = await Promise.allSettled([
        processor.capture({ orderId, authorizationId }),
        other.void({ orderId, authorizationId }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const kinds = (await repo.list(orderId)).map((e) => e.kind);
      expect(kinds.length).toBe(2);
      expect(['capture', 'void']).toContain(kinds[1]);
    });

    it('concurrent refunds never add up to more than the capture', async () => {
      const orderId = order('refund-race');
      const other = createSimulatedPaymentProcessor({ ledger: harness.other });
      const { authorizationId } = await authorize(processor, orderId, 10_000);
      await processor.capture({ orderId, authorizationId });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          (i % 2 === 0 ? processor : other).refund({
            orderId,
            refundId: `r-${i}`,
            amount: { amount: 4_000, currency: 'USD' },
            reason: 'race',
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
      for (const o of outcomes)
        if (o.status === 'rejected')
          expect((o.reason as PaymentError).type).toBe(OrderSagaFailure.RefundExceedsCapture);
      const refunds = (await repo.list(orderId)).filter((e) => e.kind === 'refund');
      expect(refunds.reduce((sum, e) => sum + e.amount.amount, 0)).toBe(8_000);
    });

    it('a whole saga outcome through the processor reads back as a sound ledger', async () => {
      const orderId = order('saga');
      const { authorizationId } = await authorize(processor, orderId, 135_997);
      await processor.capture({ orderId, authorizationId });
      await processor.refund({
        orderId,
        refundId: `refund:${orderId}:compensation`,
        amount: { amount: 135_997, currency: 'USD' },
        reason: 'cancelled',
      });
      const entries = await harness.other.list(orderId);
      expect(entries.map((e) => `${e.kind}:${e.amount.amount}`)).toEqual([
        'authorization:135997',
        'capture:135997',
        'refund:135997',
      ]);
      expect(entries[2]?.operationKey).toBe(`refund:${orderId}:compensation`);
    });
  });
}
