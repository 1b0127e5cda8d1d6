// Workflow-safe root entry of the order-saga contract: types, names, message definitions,
// failure types and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ApprovalDecision,
  AuthorizePaymentInput,
  CancelOrderRequest,
  LedgerEntry,
  OrderProgress,
  OrderSagaInput,
  OrderSagaResult,
  OrderSagaState,
  PaymentAuthorization,
  PaymentOperationInput,
  PlacementDecision,
  RefundPaymentInput,
} from './schemas.js';

export type {
  ApprovalDecision,
  AuthorizePaymentInput,
  CancelOrderRequest,
  CompensationName,
  CompensationRecord,
  LedgerEntry,
  LedgerEntryKind,
  OrderId,
  OrderProgress,
  OrderSagaInput,
  OrderSagaResult,
  OrderSagaSettings,
  OrderSagaState,
  OrderSagaStatus,
  PaymentAuthorization,
  PaymentMethod,
  PaymentOperationInput,
  PlacementDecision,
  RefundPaymentInput,
  SagaStep,
} from './schemas.js';

export const ORDER_SAGA_TASK_QUEUE = 'order-saga';

// ---- workflows -------------------------------------------------------------------------------

export const ORDER_SAGA_WORKFLOW = 'orderSagaWorkflow';
export type OrderSagaWorkflow = (input: OrderSagaInput) => Promise<OrderSagaResult>;
/** The order id is the idempotency key: one saga per order, ever. */
export const orderSagaWorkflowId = (orderId: string): string => `order:${orderId}`;

// ---- messages --------------------------------------------------------------------------------

/**
 * The early answer: sent together with the start (update-with-start); completes as soon as the
 * payment is authorized (accepted) or declined, while the saga goes on.
 */
export const placeOrderUpdate: UpdateDefinition<PlacementDecision, []> = defineUpdate<PlacementDecision, []>('placeOrder');
/** A human decision on a high-value order; refused unless the saga is awaiting approval. */
export const decideApprovalUpdate: UpdateDefinition<OrderSagaState, [ApprovalDecision]> = defineUpdate<OrderSagaState, [ApprovalDecision]>('decideApproval');
/** Cancellation by the shopper or an admin; refused once any part of the order shipped. */
export const cancelOrderUpdate: UpdateDefinition<OrderSagaState, [CancelOrderRequest]> = defineUpdate<OrderSagaState, [CancelOrderRequest]>('cancelOrder');
export const orderSagaQuery = defineQuery<OrderSagaState>('orderSaga');
/** OMS reports the order-level status (and fulfillment failure) to the saga. */
export const orderProgressSignal = defineSignal<[OrderProgress]>('orderProgress');

// ---- activities ------------------------------------------------------------------------------

/**
 * The payment activities, registered by the order-saga worker on the `order-saga` task queue
 * (the simulated processor and its ledger live there). OMS refunds returns through them.
 */
export interface PaymentActivities {
  /** Idempotent per order id; a decline is a non-retryable PaymentDeclinedError / InvalidCardError. */
  authorizePayment(input: AuthorizePaymentInput): Promise<PaymentAuthorization>;
  capturePayment(input: PaymentOperationInput): Promise<LedgerEntry>;
  voidPayment(input: PaymentOperationInput): Promise<LedgerEntry>;
  /** Idempotent per refundId; never refunds more than was captured (RefundExceedsCaptureError). */
  refundPayment(input: RefundPaymentInput): Promise<LedgerEntry>;
  /** The ledger of one order, oldest first. */
  listLedger(input: { orderId: string }): Promise<LedgerEntry[]>;
}

// ---- failures --------------------------------------------------------------------------------

/** ApplicationFailure types raised by the order saga and its activities. */
export const OrderSagaFailure = {
  PaymentDeclined: 'PaymentDeclinedError',
  InvalidCard: 'InvalidCardError',
  /** The simulated processor's transient failure (retryable; the saga retries it). */
  PaymentProviderUnavailable: 'PaymentProviderUnavailableError',
  RefundExceedsCapture: 'RefundExceedsCaptureError',
  PaymentNotFound: 'PaymentNotFoundError',
  InvalidOrder: 'InvalidOrderError',
  NotAwaitingApproval: 'OrderNotAwaitingApprovalError',
  AlreadyShipped: 'OrderAlreadyShippedError',
  NotCancellable: 'OrderNotCancellableError',
  /** capturePayment of an authorization that was voided (non-retryable). */
  AlreadyVoided: 'PaymentAlreadyVoidedError',
  /** voidPayment of a captured payment (non-retryable; the saga refunds instead). */
  AlreadyCaptured: 'PaymentAlreadyCapturedError',
  /** A refundId reused for a different amount or currency (non-retryable). */
  IdempotencyConflict: 'PaymentIdempotencyConflictError',
  /** Before capture the saga found the order's stock hold no longer active (expired / released): nothing is charged. */
  StockNoLongerHeld: 'StockNoLongerHeldError',
} as const;
export type OrderSagaFailureType = (typeof OrderSagaFailure)[keyof typeof OrderSagaFailure];
