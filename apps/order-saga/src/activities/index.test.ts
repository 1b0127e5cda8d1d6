import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { OrderSagaFailure } from '@commerce/contracts/order-saga';
import { createTempDatabase, type TempDatabase } from '../../test/support/temp-database.js';
import { createSimulatedPaymentProcessor } from '../adapters/simulated/simulated-payment-processor.js';
import { failFirstAttempts } from '../adapters/simulated/transient-failures.js';
import { createSqlitePaymentLedger } from '../adapters/sqlite/sqlite-payment-ledger.js';
import { createPaymentActivities } from './index.js';

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }
  throw new Error('expected a failure');
}

describe('payment activities', () => {
  let temp: TempDatabase;
  let activities: ReturnType<typeof createPaymentActivities>;
  beforeEach(() => {
    temp = createTempDatabase();
    const ledger = createSqlitePaymentLedger({ db: temp.db });
    activities = createPaymentActivities({
      processor: createSimulatedPaymentProcessor({
        ledger,
        failures: failFirstAttempts(1, ['capture']),
      }),
    });
  });
  afterEach(() => temp.cleanup());

  const authorize = (orderId: string, token = 'tok_visa') =>
    activities.authorizePayment({
      orderId,
      amount: { amount: 5_000, currency: 'USD' },
      paymentMethod: { type: 'card', token },
    });

  it('turns declines into non-retryable failures of the contract type', async () => {
    const declined = await failure(authorize('o-1', 'tok_chargeDeclined'));
    expect(declined).toMatchObject({ type: OrderSagaFailure.PaymentDeclined, nonRetryable: true });
    expect(await failure(authorize('o-2', 'tok_invalidCard'))).toMatchObject({
      type: OrderSagaFailure.InvalidCard,
      nonRetryable: true,
    });
  });

  it('lets Temporal retry the provider being unavailable', async () => {
    const { authorizationId } = await authorize('o-3');
    const unavailable = await failure(
      activities.capturePayment({ orderId: 'o-3', authorizationId }),
    );
    expect(unavailable).toMatchObject({
      type: OrderSagaFailure.PaymentProviderUnavailable,
      nonRetryable: false,
    });
    await expect(
      activities.capturePayment({ orderId: 'o-3', authorizationId }),
    ).resolves.toMatchObject({ kind: 'capture' });
    expect((await activities.listLedger({ orderId: 'o-3' })).map((e) => e.kind)).toEqual([
      'authorization',
      'capture',
    ]);
  });

  it('refuses input that breaks the contract before touching the ledger', async () => {
    const bad = await failure(
      activities.authorizePayment({
        orderId: 'o 4!',
        amount: { amount: -1, currency: 'usd' },
        paymentMethod: { type: 'card', token: 'visa' },
      }),
    );
    expect(bad).toMatchObject({ type: OrderSagaFailure.InvalidOrder, nonRetryable: true });
    expect(
      await failure(
        activities.refundPayment({
          orderId: 'o-4',
          refundId: '',
          amount: { amount: 1, currency: 'USD' },
          reason: 'x',
        }),
      ),
    ).toMatchObject({
      type: OrderSagaFailure.InvalidOrder,
    });
    expect(await activities.listLedger({ orderId: 'o-4' })).toEqual([]);
  });
});
