import type {
  AuthorizePaymentInput,
  LedgerEntry,
  PaymentAuthorization,
  PaymentOperationInput,
  RefundPaymentInput,
} from '@commerce/contracts/order-saga';

/**
 * The payment provider as the saga's activities see it. The only implementation is the simulated
 * processor (src/adapters/simulated): a real provider would be another adapter of this port.
 * Every operation is idempotent per key (authorization, capture and void per order id, refund per
 * refundId) and records what it did in the payments ledger. Failures are PaymentErrors with a
 * contract failure type; only PaymentProviderUnavailableError is transient.
 */
export interface PaymentProcessor {
  /** Declines (PaymentDeclinedError / InvalidCardError) are recorded, then thrown. */
  authorize(input: AuthorizePaymentInput): Promise<PaymentAuthorization>;
  /** The whole authorization; once (a retry returns the same entry). PaymentNotFound / PaymentAlreadyVoided. */
  capture(input: PaymentOperationInput): Promise<LedgerEntry>;
  /** The whole authorization, only without a capture; once. PaymentNotFound / PaymentAlreadyCaptured. */
  void(input: PaymentOperationInput): Promise<LedgerEntry>;
  /** Never more than captured and not yet refunded (RefundExceedsCaptureError); once per refundId. */
  refund(input: RefundPaymentInput): Promise<LedgerEntry>;
  /** The order's ledger, oldest first. */
  ledger(orderId: string): Promise<LedgerEntry[]>;
}
