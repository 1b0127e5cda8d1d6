import { randomUUID } from 'node:crypto';
import {
  OrderSagaFailure,
  type LedgerEntry,
  type PaymentAuthorization,
} from '@commerce/contracts/order-saga';
import { PaymentError } from '../../domain/payment-error.js';
import {
  checkRefundRetry,
  decideAuthorization,
  decideCapture,
  decideRefund,
  decideVoid,
  declineError,
  DEFAULT_CREDIT_LIMIT,
  ledgerKeys,
  type EntryStamp,
} from '../../domain/payment-rules.js';
import type { PaymentLedgerRepository } from '../../ports/payment-ledger.js';
import type { PaymentProcessor } from '../../ports/payment-processor.js';
import {
  noTransientFailures,
  type PaymentOperation,
  type TransientFailures,
} from './transient-failures.js';

export interface SimulatedPaymentProcessorOptions {
  ledger: PaymentLedgerRepository;
  /** Authorizations above this many minor units decline (default 1,000,000 = 10,000.00). */
  creditLimit?: number;
  /** When the provider is "unavailable" (default: never). */
  failures?: TransientFailures;
  /** The processor's clock (tests may pin it). */
  now?: () => Date;
  /** Entry ids (default: `pay_<uuid>`). */
  newEntryId?: () => string;
}

/**
 * A payment provider simulated inside the order-saga domain: deterministic decline rules
 * (`tok_chargeDeclined` declines, `tok_invalidCard` is an invalid card, amounts above the credit
 * limit decline), optional transient unavailability, and the payments ledger as its book of
 * record — every authorization, decline, capture, void and refund is a ledger row, appended
 * through the ledger's idempotency keys so a retry never charges or refunds twice.
 */
export function createSimulatedPaymentProcessor(
  options: SimulatedPaymentProcessorOptions,
): PaymentProcessor {
  const { ledger, creditLimit = DEFAULT_CREDIT_LIMIT, failures = noTransientFailures } = options;
  const newEntryId = options.newEntryId ?? (() => `pay_${randomUUID()}`);
  const stamp = (): EntryStamp => ({
    entryId: newEntryId(),
    createdAt: (options.now?.() ?? new Date()).toISOString(),
  });

  const available = (operation: PaymentOperation, key: string): void => {
    if (failures.shouldFail(operation, key)) {
      throw new PaymentError(
        OrderSagaFailure.PaymentProviderUnavailable,
        `the payment provider is unavailable (${operation}); try again`,
      );
    }
  };

  const authorizationOf = (entry: LedgerEntry): PaymentAuthorization => {
    if (entry.kind === 'decline') throw declineError(entry);
    return {
      authorizationId: entry.entryId,
      orderId: entry.orderId,
      amount: entry.amount,
      authorizedAt: entry.createdAt,
    };
  };

  return {
    async authorize(input) {
      const idempotencyKey = ledgerKeys.authorization(input.orderId);
      available('authorize', idempotencyKey);
      const { entry } = await ledger.append({
        orderId: input.orderId,
        idempotencyKey,
        decide: () => decideAuthorization(input, creditLimit, stamp()),
      });
      return authorizationOf(entry);
    },

    async capture(input) {
      const idempotencyKey = ledgerKeys.capture(input.orderId);
      available('capture', idempotencyKey);
      const { entry } = await ledger.append({
        orderId: input.orderId,
        idempotencyKey,
        decide: (entries) => decideCapture(entries, input, stamp()),
      });
      return entry;
    },

    async void(input) {
      const idempotencyKey = ledgerKeys.void(input.orderId);
      available('void', idempotencyKey);
      const { entry } = await ledger.append({
        orderId: input.orderId,
        idempotencyKey,
        decide: (entries) => decideVoid(entries, input, stamp()),
      });
      return entry;
    },

    async refund(input) {
      const idempotencyKey = ledgerKeys.refund(input.refundId);
      available('refund', idempotencyKey);
      const { entry, created } = await ledger.append({
        orderId: input.orderId,
        idempotencyKey,
        decide: (entries) => decideRefund(entries, input, stamp()),
      });
      return created ? entry : checkRefundRetry(entry, input);
    },

    ledger: (orderId) => ledger.list(orderId),
  };
}
