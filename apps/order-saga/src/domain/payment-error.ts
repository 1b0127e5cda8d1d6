import { OrderSagaFailure, type OrderSagaFailureType } from '@commerce/contracts/order-saga';

/**
 * An expected failure of the payment processor or its ledger. The processor and the ledger rules
 * throw it; the payment activities turn it into an ApplicationFailure of the same type
 * (non-retryable, except the provider's transient PaymentProviderUnavailableError). Pure: no
 * Temporal or Node imports.
 */
export class PaymentError extends Error {
  constructor(
    readonly type: OrderSagaFailureType,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = type;
  }

  /** Only the provider's unavailability is worth retrying; every other payment failure is final. */
  get retryable(): boolean {
    return this.type === OrderSagaFailure.PaymentProviderUnavailable;
  }
}

export const isPaymentError = (error: unknown): error is PaymentError =>
  error instanceof PaymentError;
