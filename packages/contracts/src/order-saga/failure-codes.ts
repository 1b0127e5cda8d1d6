// The order saga's contribution to the gateway's failure table: which public error code an
// ApplicationFailure type raised by the saga, its update validators or the payment activities
// stands for. Pure data, workflow-safe; the gateway's error catalogue keeps each code's HTTP
// status and title. A type missing here (and in every other domain's table) answers 500.
import type { OrderSagaFailureType } from './index.js';

export const ORDER_SAGA_FAILURE_CODES = {
  PaymentDeclinedError: 'payment_declined',
  InvalidCardError: 'invalid_card',
  PaymentProviderUnavailableError: 'payment_provider_unavailable',
  RefundExceedsCaptureError: 'refund_exceeds_capture',
  PaymentNotFoundError: 'payment_not_found',
  InvalidOrderError: 'invalid_order',
  OrderNotAwaitingApprovalError: 'order_not_awaiting_approval',
  OrderAlreadyShippedError: 'order_already_shipped',
  OrderNotCancellableError: 'order_not_cancellable',
  PaymentAlreadyVoidedError: 'payment_already_voided',
  PaymentAlreadyCapturedError: 'payment_already_captured',
  PaymentIdempotencyConflictError: 'payment_idempotency_conflict',
  StockNoLongerHeldError: 'stock_no_longer_held',
} as const satisfies { readonly [T in OrderSagaFailureType]?: string };
