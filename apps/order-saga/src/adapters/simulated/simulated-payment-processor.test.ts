import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderSagaFailure, type AuthorizePaymentInput } from '@commerce/contracts/order-saga';
import { createTempDatabase, type TempDatabase } from '../../../test/support/temp-database.js';
import { assertLedgerInvariants } from '../../domain/ledger-invariants.js';
import { createSqlitePaymentLedger } from '../sqlite/sqlite-payment-ledger.js';
import type { PaymentLedgerRepository } from '../../ports/payment-ledger.js';
import type { PaymentProcessor } from '../../ports/payment-processor.js';
import { createSimulatedPaymentProcessor } from './simulated-payment-processor.js';
import { failFirstAttempts, randomTransientFailures, seededRandom } from './transient-failures.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const auth = (orderId: string, amount = 135_997, token = 'tok_visa'): AuthorizePaymentInput => ({
  orderId,
  amount: usd(amount),
  paymentMethod: { type: 'card', token },
});

async function failureType(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { type?: string }).type ?? String(error);
  }
  throw new Error('expected a failure');
}

describe('simulated payment processor', () => {
  let temp: TempDatabase;
  let ledger: PaymentLedgerRepository;
  let processor: PaymentProcessor;

  beforeEach(() => {
    temp = createTempDatabase();
    ledger = createSqlitePaymentLedger({ db: temp.db });
    processor = createSimulatedPaymentProcessor({ ledger });
  });
  afterEach(() => temp.cleanup());

  const kinds = async (orderId: string) => (await processor.ledger(orderId)).map((e) => e.kind);

  it('authorizes once per order id: a retry returns the same authorization', async () => {
    const first = await processor.authorize(auth('o-1'));
    const again = await processor.authorize(auth('o-1'));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ orderId: 'o-1', amount: usd(135_997) });
    expect(await kinds('o-1')).toEqual(['authorization']);
  });

  it('declines tok_chargeDeclined, records the decline, and answers a retry the same', async () => {
    expect(await failureType(processor.authorize(auth('o-2', 100, 'tok_chargeDeclined')))).toBe(
      OrderSagaFailure.PaymentDeclined,
    );
    expect(await failureType(processor.authorize(auth('o-2', 100, 'tok_visa')))).toBe(
      OrderSagaFailure.PaymentDeclined,
    );
    const entries = await processor.ledger('o-2');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'decline',
      declineCode: OrderSagaFailure.PaymentDeclined,
    });
  });

  it('refuses tok_invalidCard with InvalidCardError', async () => {
    expect(await failureType(processor.authorize(auth('o-3', 100, 'tok_invalidCard')))).toBe(
      OrderSagaFailure.InvalidCard,
    );
    expect(await kinds('o-3')).toEqual(['decline']);
  });

  it('declines amounts above the credit limit (10,000.00 by default) and approves the limit itself', async () => {
    expect(await failureType(processor.authorize(auth('o-4', 1_000_001)))).toBe(
      OrderSagaFailure.PaymentDeclined,
    );
    await expect(processor.authorize(auth('o-5', 1_000_000))).resolves.toMatchObject({
      amount: usd(1_000_000),
    });
    const strict = createSimulatedPaymentProcessor({ ledger, creditLimit: 500 });
    expect(await failureType(strict.authorize(auth('o-6', 501)))).toBe(
      OrderSagaFailure.PaymentDeclined,
    );
  });

  it('captures the whole authorization once; a retry returns the same entry', async () => {
    const a = await processor.authorize(auth('o-7'));
    const capture = await processor.capture({ orderId: 'o-7', authorizationId: a.authorizationId });
    expect(await processor.capture({ orderId: 'o-7', authorizationId: a.authorizationId })).toEqual(
      capture,
    );
    expect(capture).toMatchObject({ kind: 'capture', amount: usd(135_997) });
    expect(await kinds('o-7')).toEqual(['authorization', 'capture']);
  });

  it('refuses a capture without (or of another) authorization, and after a void', async () => {
    expect(await failureType(processor.capture({ orderId: 'none', authorizationId: 'x' }))).toBe(
      OrderSagaFailure.PaymentNotFound,
    );
    const a = await processor.authorize(auth('o-8'));
    expect(await failureType(processor.capture({ orderId: 'o-8', authorizationId: 'other' }))).toBe(
      OrderSagaFailure.PaymentNotFound,
    );
    await processor.void({ orderId: 'o-8', authorizationId: a.authorizationId });
    expect(
      await failureType(processor.capture({ orderId: 'o-8', authorizationId: a.authorizationId })),
    ).toBe(OrderSagaFailure.AlreadyVoided);
    expect(await kinds('o-8')).toEqual(['authorization', 'void']);
  });

  it('voids only without a capture, once', async () => {
    const a = await processor.authorize(auth('o-9'));
    const v = await processor.void({ orderId: 'o-9', authorizationId: a.authorizationId });
    expect(await processor.void({ orderId: 'o-9', authorizationId: a.authorizationId })).toEqual(v);
    const b = await processor.authorize(auth('o-10'));
    await processor.capture({ orderId: 'o-10', authorizationId: b.authorizationId });
    expect(
      await failureType(processor.void({ orderId: 'o-10', authorizationId: b.authorizationId })),
    ).toBe(OrderSagaFailure.AlreadyCaptured);
  });

  it('never refunds more than was captured, and refunds once per refund id', async () => {
    const a = await processor.authorize(auth('o-11', 10_000));
    expect(
      await failureType(
        processor.refund({ orderId: 'o-11', refundId: 'r0', amount: usd(1), reason: 'early' }),
      ),
    ).toBe(OrderSagaFailure.PaymentNotFound);
    await processor.capture({ orderId: 'o-11', authorizationId: a.authorizationId });
    const r1 = await processor.refund({
      orderId: 'o-11',
      refundId: 'r1',
      amount: usd(6_000),
      reason: 'return',
    });
    expect(
      await processor.refund({
        orderId: 'o-11',
        refundId: 'r1',
        amount: usd(6_000),
        reason: 'return',
      }),
    ).toEqual(r1);
    expect(
      await failureType(
        processor.refund({ orderId: 'o-11', refundId: 'r1', amount: usd(5_000), reason: 'x' }),
      ),
    ).toBe(OrderSagaFailure.IdempotencyConflict);
    expect(
      await failureType(
        processor.refund({
          orderId: 'o-11',
          refundId: 'r2',
          amount: usd(4_001),
          reason: 'too much',
        }),
      ),
    ).toBe(OrderSagaFailure.RefundExceedsCapture);
    expect(
      await failureType(
        processor.refund({
          orderId: 'o-11',
          refundId: 'r3',
          amount: { amount: 1, currency: 'EUR' },
          reason: 'fx',
        }),
      ),
    ).toBe(OrderSagaFailure.InvalidOrder);
    await processor.refund({ orderId: 'o-11', refundId: 'r4', amount: usd(4_000), reason: 'rest' });
    const entries = await processor.ledger('o-11');
    expect(entries.map((e) => `${e.kind}:${e.amount.amount}`)).toEqual([
      'authorization:10000',
      'capture:10000',
      'refund:6000',
      'refund:4000',
    ]);
    assertLedgerInvariants(entries);
  });

  it('is unavailable on the planned attempts (retryable, nothing recorded), then works', async () => {
    const flaky = createSimulatedPaymentProcessor({
      ledger,
      failures: failFirstAttempts(2, ['authorize']),
    });
    const unavailable = OrderSagaFailure.PaymentProviderUnavailable;
    expect(await failureType(flaky.authorize(auth('o-12')))).toBe(unavailable);
    expect(await failureType(flaky.authorize(auth('o-12')))).toBe(unavailable);
    expect(await kinds('o-12')).toEqual([]);
    const a = await flaky.authorize(auth('o-12'));
    await expect(
      flaky.capture({ orderId: 'o-12', authorizationId: a.authorizationId }),
    ).resolves.toMatchObject({ kind: 'capture' });
    // Per key: another order fails its own first attempts.
    expect(await failureType(flaky.authorize(auth('o-13')))).toBe(unavailable);
    try {
      await flaky.authorize(auth('o-13'));
    } catch (error) {
      expect((error as { retryable: boolean }).retryable).toBe(true);
    }
  });

  it('fails at the configured rate, deterministically for a seed', () => {
    const draws = (seed: number) => {
      const failures = randomTransientFailures(0.3, seededRandom(seed));
      return Array.from({ length: 1_000 }, () => failures.shouldFail('authorize', 'k'));
    };
    expect(draws(7)).toEqual(draws(7));
    const rate = draws(7).filter(Boolean).length / 1_000;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
    expect(randomTransientFailures(0).shouldFail('capture', 'k')).toBe(false);
    expect(() => randomTransientFailures(1.5)).toThrow(RangeError);
  });
});
