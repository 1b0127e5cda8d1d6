import { Type, type Static } from '@sinclair/typebox';
import {
  ActorSchema,
  AddressSchema,
  CustomerSchema,
  MoneySchema,
  OrderLineSchema,
  OrderTotalsSchema,
  TimestampSchema,
} from '../common/schemas.js';

// ---------------------------------------------------------------------------------------------
// Identifiers and payment methods
// ---------------------------------------------------------------------------------------------

/** Order ids are chosen by the caller (gateway: from the Idempotency-Key) so a retry is the same order. */
export const OrderIdSchema = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.-]+$', examples: ['order-001'] });
export type OrderId = Static<typeof OrderIdSchema>;

/**
 * A tokenized card (the simulated processor's tokens; a card number never enters workflow
 * history). Test tokens: `tok_visa` (approves), `tok_chargeDeclined` (always declines),
 * `tok_invalidCard` (invalid card); any other `tok_…` approves unless a decline rule matches.
 */
export const PaymentMethodSchema = Type.Object(
  {
    type: Type.Literal('card'),
    token: Type.String({ pattern: '^tok_[A-Za-z0-9_]{1,60}$', examples: ['tok_visa'] }),
  },
  { additionalProperties: false, $id: 'PaymentMethod', title: 'PaymentMethod' },
);
export type PaymentMethod = Static<typeof PaymentMethodSchema>;

// ---------------------------------------------------------------------------------------------
// Saga input, settings, state
// ---------------------------------------------------------------------------------------------

/** Every duration and threshold of the saga; production defaults come from configuration. */
export const OrderSagaSettingsSchema = Type.Object(
  {
    /** Orders whose total is above this (minor units, order currency) wait for a human decision. */
    approvalThreshold: Type.Integer({ minimum: 0, default: 500_000 }),
    /** How long a high-value order waits for that decision before it is compensated (24 h). */
    approvalWindowMs: Type.Integer({ minimum: 1, default: 86_400_000 }),
    /** How long a direct order's stock hold lasts before payment (it is confirmed right away). */
    holdTtlSeconds: Type.Integer({ minimum: 1, default: 900 }),
    /** Passed on to OMS: the return window after delivery (7 days). */
    returnWindowMs: Type.Integer({ minimum: 1, default: 7 * 86_400_000 }),
    /** Passed on to fulfillment: `manual` forces every supplier to manual (MANUAL_FULFILLMENT). */
    fulfillmentMode: Type.Union([Type.Literal('auto'), Type.Literal('manual')], { default: 'auto' }),
    /** Passed on to fulfillment: each simulated stage (processing, shipped, delivered) lasts this long. */
    simulatedStageMs: Type.Integer({ minimum: 0, default: 15_000 }),
    /** Passed on to fulfillment: how often the dropshipper's API is polled. */
    dropshipPollMs: Type.Integer({ minimum: 1, default: 10_000 }),
  },
  { additionalProperties: false },
);
export type OrderSagaSettings = Static<typeof OrderSagaSettingsSchema>;

export const OrderSagaInputSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    /** Short human code printed on emails and looked up by support (OMS indexes it). */
    confirmationNumber: Type.String({ pattern: '^[A-Z0-9]{6,16}$' }),
    source: Type.Union([Type.Literal('api'), Type.Literal('checkout')]),
    customer: CustomerSchema,
    lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 100 }),
    totals: OrderTotalsSchema,
    shippingAddress: AddressSchema,
    paymentMethod: PaymentMethodSchema,
    /** A checkout's existing stock hold to confirm; absent for direct orders (the saga holds stock). */
    holdId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** The checkout workflow to tell the outcome (checkout orders). */
    checkoutWorkflowId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    placedAt: TimestampSchema,
    requestId: Type.Optional(Type.String({ maxLength: 200 })),
    settings: OrderSagaSettingsSchema,
  },
  { additionalProperties: false },
);
export type OrderSagaInput = Static<typeof OrderSagaInputSchema>;

export const SagaStepSchema = Type.Union([
  Type.Literal('reserve_stock'),
  Type.Literal('authorize_payment'),
  Type.Literal('await_approval'),
  Type.Literal('capture_payment'),
  Type.Literal('fulfill_order'),
]);
export type SagaStep = Static<typeof SagaStepSchema>;

export const CompensationNameSchema = Type.Union([
  Type.Literal('release_stock'),
  /** A checkout order stopped before it was accepted: its confirmed lines go back to `held` (the checkout keeps the hold). */
  Type.Literal('reopen_stock'),
  Type.Literal('void_payment'),
  Type.Literal('refund_payment'),
  Type.Literal('cancel_order'),
]);
export type CompensationName = Static<typeof CompensationNameSchema>;

/**
 * The saga's status. Placement: pending → reserving_stock → authorizing_payment →
 * (awaiting_approval) → capturing_payment → fulfilling → delivered. Exits: declined (payment
 * declined, nothing held or charged), compensating → cancelled | rejected | approval_expired | failed.
 */
export const OrderSagaStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('reserving_stock'),
  Type.Literal('authorizing_payment'),
  Type.Literal('awaiting_approval'),
  Type.Literal('capturing_payment'),
  Type.Literal('fulfilling'),
  Type.Literal('delivered'),
  Type.Literal('declined'),
  Type.Literal('compensating'),
  Type.Literal('cancelled'),
  Type.Literal('rejected'),
  Type.Literal('approval_expired'),
  Type.Literal('failed'),
]);
export type OrderSagaStatus = Static<typeof OrderSagaStatusSchema>;

export const CompensationRecordSchema = Type.Object(
  {
    name: CompensationNameSchema,
    status: Type.Union([Type.Literal('pending'), Type.Literal('running'), Type.Literal('done')]),
    attempts: Type.Integer({ minimum: 0 }),
    lastError: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type CompensationRecord = Static<typeof CompensationRecordSchema>;

export const ApprovalDecisionSchema = Type.Object(
  {
    approved: Type.Boolean(),
    approvedBy: ActorSchema,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false, title: 'ApprovalDecision' },
);
export type ApprovalDecision = Static<typeof ApprovalDecisionSchema>;

export const CancelOrderRequestSchema = Type.Object(
  {
    cancelledBy: ActorSchema,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false, title: 'CancelOrderRequest' },
);
export type CancelOrderRequest = Static<typeof CancelOrderRequestSchema>;

/** The early answer of update-with-start: given as soon as the payment is authorized or declined. */
export const PlacementDecisionSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
    status: OrderSagaStatusSchema,
    /** The decline's failure type (PaymentDeclinedError, InvalidCardError, InsufficientStockError …). */
    code: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type PlacementDecision = Static<typeof PlacementDecisionSchema>;

/** What the saga's query shows: where it is, what it did, what it undid, and what went wrong. */
export const OrderSagaStateSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    confirmationNumber: Type.String(),
    status: OrderSagaStatusSchema,
    currentStep: Type.Union([SagaStepSchema, Type.Null()]),
    completedSteps: Type.Array(SagaStepSchema),
    compensations: Type.Array(CompensationRecordSchema),
    /** Attempts per step (activity attempts as the workflow saw them). */
    attempts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
    lastError: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
    total: MoneySchema,
    requiresApproval: Type.Boolean(),
    approval: Type.Union([
      Type.Composite([ApprovalDecisionSchema, Type.Object({ decidedAt: TimestampSchema })], { additionalProperties: false }),
      Type.Null(),
    ]),
    approvalDeadline: Type.Union([TimestampSchema, Type.Null()]),
    cancellation: Type.Union([
      Type.Composite([CancelOrderRequestSchema, Type.Object({ requestedAt: TimestampSchema })], { additionalProperties: false }),
      Type.Null(),
    ]),
    payment: Type.Object(
      {
        authorizationId: Type.Union([Type.String(), Type.Null()]),
        authorized: MoneySchema,
        captured: MoneySchema,
        refunded: MoneySchema,
        voided: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    /** The order-level status OMS last reported (placed, processing, …, delivered). */
    orderStatus: Type.Union([Type.String(), Type.Null()]),
    holdId: Type.String(),
    /**
     * The early answer once given (null before): what placeOrderUpdate returned, so a caller that
     * finds the saga already ended (its workflow closed) can still answer a retried placement.
     */
    placement: Type.Optional(Type.Union([PlacementDecisionSchema, Type.Null()])),
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, $id: 'OrderSagaState', title: 'OrderSagaState' },
);
export type OrderSagaState = Static<typeof OrderSagaStateSchema>;

export const OrderSagaResultSchema = Type.Object(
  { orderId: OrderIdSchema, status: OrderSagaStatusSchema },
  { additionalProperties: false },
);
export type OrderSagaResult = Static<typeof OrderSagaResultSchema>;

/** OMS tells the saga about the order-level status (signal `orderProgress`). */
export const OrderProgressSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    status: Type.String({ minLength: 1 }),
    /** True once fulfillment failed for good (a supplier rejected or a shipment failed). */
    failed: Type.Boolean(),
    reason: Type.Optional(Type.String()),
    at: TimestampSchema,
  },
  { additionalProperties: false },
);
export type OrderProgress = Static<typeof OrderProgressSchema>;

// ---------------------------------------------------------------------------------------------
// Payments (the simulated processor behind the PaymentActivities)
// ---------------------------------------------------------------------------------------------

export const AuthorizePaymentInputSchema = Type.Object(
  {
    /** The processor's idempotency key: the order id. */
    orderId: OrderIdSchema,
    amount: MoneySchema,
    paymentMethod: PaymentMethodSchema,
  },
  { additionalProperties: false },
);
export type AuthorizePaymentInput = Static<typeof AuthorizePaymentInputSchema>;

export const PaymentAuthorizationSchema = Type.Object(
  { authorizationId: Type.String(), orderId: OrderIdSchema, amount: MoneySchema, authorizedAt: TimestampSchema },
  { additionalProperties: false },
);
export type PaymentAuthorization = Static<typeof PaymentAuthorizationSchema>;

/** capture / void act on the whole authorization; idempotent per order id. */
export const PaymentOperationInputSchema = Type.Object(
  { orderId: OrderIdSchema, authorizationId: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type PaymentOperationInput = Static<typeof PaymentOperationInputSchema>;

/** A refund of part or all of the captured amount; idempotent per refundId. */
export const RefundPaymentInputSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    refundId: Type.String({ minLength: 1, maxLength: 200 }),
    amount: MoneySchema,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RefundPaymentInput = Static<typeof RefundPaymentInputSchema>;

export const LedgerEntryKindSchema = Type.Union([
  Type.Literal('authorization'),
  Type.Literal('capture'),
  Type.Literal('void'),
  Type.Literal('refund'),
  Type.Literal('decline'),
]);
export type LedgerEntryKind = Static<typeof LedgerEntryKindSchema>;

/** One row of the payments ledger: the checkable record of every money movement. */
export const LedgerEntrySchema = Type.Object(
  {
    entryId: Type.String(),
    orderId: OrderIdSchema,
    kind: LedgerEntryKindSchema,
    amount: MoneySchema,
    /** The idempotency key of the operation (order id, or the refund id). */
    operationKey: Type.String(),
    reason: Type.Optional(Type.String()),
    /** A decline's failure type (PaymentDeclinedError, InvalidCardError): a retried authorization answers the same. */
    declineCode: Type.Optional(Type.String()),
    createdAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type LedgerEntry = Static<typeof LedgerEntrySchema>;
