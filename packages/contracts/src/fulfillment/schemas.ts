import { Type, type Static } from '@sinclair/typebox';
import { ActorSchema, AddressSchema, CustomerSchema, OrderLineSchema, TimestampSchema } from '../common/schemas.js';

/**
 * One supplier order's lifecycle: pending → processing → shipped → delivered; exits rejected
 * (the supplier refused it) and cancelled.
 */
export const SupplierOrderStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('processing'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('rejected'),
  Type.Literal('cancelled'),
]);
export type SupplierOrderStatus = Static<typeof SupplierOrderStatusSchema>;

/**
 * How a supplier order is fulfilled: `simulated` (timers), `manual` (an admin advances each stage)
 * or `dropship-api` (an external dropshipper's API, submitted to and polled). It is the supplier's
 * type, unless settings.mode `manual` forces every supplier order to manual.
 */
export const SupplierOrderStrategySchema = Type.Index(Type.Index(OrderLineSchema, ['supplier']), ['type']);
export type SupplierOrderStrategy = Static<typeof SupplierOrderStrategySchema>;

export const SupplierOrderLineSchema = Type.Object(
  { sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type SupplierOrderLine = Static<typeof SupplierOrderLineSchema>;

export const SupplierOrderPlanSchema = Type.Object(
  {
    supplierOrderId: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' }),
    supplier: Type.Index(OrderLineSchema, ['supplier']),
    lines: Type.Array(SupplierOrderLineSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type SupplierOrderPlan = Static<typeof SupplierOrderPlanSchema>;

export const FulfillmentSettingsSchema = Type.Object(
  {
    mode: Type.Union([Type.Literal('auto'), Type.Literal('manual')]),
    simulatedStageMs: Type.Integer({ minimum: 0 }),
    dropshipPollMs: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type FulfillmentSettings = Static<typeof FulfillmentSettingsSchema>;

export const FulfillmentInputSchema = Type.Object(
  {
    orderId: Type.String({ minLength: 1 }),
    confirmationNumber: Type.String(),
    /** The OMS order workflow to signal (fulfillmentStatus). */
    omsWorkflowId: Type.String({ minLength: 1 }),
    holdId: Type.String({ minLength: 1 }),
    customer: CustomerSchema,
    shippingAddress: AddressSchema,
    supplierOrders: Type.Array(SupplierOrderPlanSchema, { minItems: 1 }),
    settings: FulfillmentSettingsSchema,
  },
  { additionalProperties: false },
);
export type FulfillmentInput = Static<typeof FulfillmentInputSchema>;

/** One entry of a supplier order's status history: who moved it where, when and why. */
export const SupplierOrderTransitionSchema = Type.Object(
  {
    status: SupplierOrderStatusSchema,
    at: TimestampSchema,
    actor: ActorSchema,
    reason: Type.String({ maxLength: 1_000 }),
  },
  { additionalProperties: false },
);
export type SupplierOrderTransition = Static<typeof SupplierOrderTransitionSchema>;

/** How far a supplier order got: what its workflow carries into a new run and what the store keeps. */
export const SupplierOrderProgressSchema = Type.Object(
  {
    status: SupplierOrderStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    carrier: Type.Union([Type.String(), Type.Null()]),
    /** The dropshipper's reference for the order (dropship-api only). */
    externalReference: Type.Union([Type.String(), Type.Null()]),
    /** Why it is in its status (the last transition's reason). */
    reason: Type.String({ maxLength: 1_000 }),
    /** Whether the hold lines were allocated to the supplier. */
    allocated: Type.Boolean(),
    history: Type.Array(SupplierOrderTransitionSchema, { maxItems: 50 }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** Counts the transitions (1 = created): newer writes win, older ones are ignored. */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type SupplierOrderProgress = Static<typeof SupplierOrderProgressSchema>;

export const SupplierOrderInputSchema = Type.Object(
  {
    orderId: Type.String({ minLength: 1 }),
    confirmationNumber: Type.String(),
    omsWorkflowId: Type.String({ minLength: 1 }),
    holdId: Type.String({ minLength: 1 }),
    customer: CustomerSchema,
    shippingAddress: AddressSchema,
    plan: SupplierOrderPlanSchema,
    settings: FulfillmentSettingsSchema,
    /**
     * Set only by the workflow itself when it continues as new (a long dropship polling run):
     * the progress so far, so the new run resumes instead of starting over.
     */
    carried: Type.Optional(SupplierOrderProgressSchema),
  },
  { additionalProperties: false },
);
export type SupplierOrderInput = Static<typeof SupplierOrderInputSchema>;

/** What fulfillment signals up to OMS for every supplier-order transition. */
export const FulfillmentStatusUpdateSchema = Type.Object(
  {
    orderId: Type.String(),
    supplierOrderId: Type.String(),
    supplierId: Type.String(),
    status: SupplierOrderStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
    at: TimestampSchema,
  },
  { additionalProperties: false },
);
export type FulfillmentStatusUpdate = Static<typeof FulfillmentStatusUpdateSchema>;

/** An admin advancing a manual supplier order one stage (or all of the order's manual ones). */
export const AdvanceFulfillmentInputSchema = Type.Object(
  {
    supplierOrderId: Type.Optional(Type.String({ minLength: 1 })),
    actor: ActorSchema,
    /** Advance to this stage; default: the next one. `rejected` refuses the supplier order. */
    to: Type.Optional(Type.Union([Type.Literal('processing'), Type.Literal('shipped'), Type.Literal('delivered'), Type.Literal('rejected')])),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    /** The carrier's tracking number when advancing to `shipped` (default: one is generated). */
    trackingNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9-]+$' })),
  },
  { additionalProperties: false, title: 'AdvanceFulfillment' },
);
export type AdvanceFulfillmentInput = Static<typeof AdvanceFulfillmentInputSchema>;

export const SupplierOrderStateSchema = Type.Object(
  {
    supplierOrderId: Type.String(),
    supplierId: Type.String(),
    strategy: SupplierOrderStrategySchema,
    status: SupplierOrderStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    externalReference: Type.Union([Type.String(), Type.Null()]),
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type SupplierOrderState = Static<typeof SupplierOrderStateSchema>;

export const FulfillmentStateSchema = Type.Object(
  {
    orderId: Type.String(),
    cancelled: Type.Boolean(),
    supplierOrders: Type.Array(SupplierOrderStateSchema),
  },
  { additionalProperties: false, $id: 'FulfillmentState', title: 'FulfillmentState' },
);
export type FulfillmentState = Static<typeof FulfillmentStateSchema>;

export const NotificationKindSchema = Type.Union([
  Type.Literal('order_shipped'),
  Type.Literal('order_delivered'),
  Type.Literal('order_cancelled'),
]);
export type NotificationKind = Static<typeof NotificationKindSchema>;

/** Notify the shopper; idempotent per notificationId (a retry never sends twice). */
export const NotifyShopperInputSchema = Type.Object(
  {
    notificationId: Type.String({ minLength: 1, maxLength: 300 }),
    orderId: Type.String(),
    kind: NotificationKindSchema,
    to: Type.String({ format: 'email' }),
    name: Type.String(),
    confirmationNumber: Type.String(),
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type NotifyShopperInput = Static<typeof NotifyShopperInputSchema>;

export const SentNotificationSchema = Type.Object(
  {
    notificationId: Type.String(),
    orderId: Type.String(),
    kind: NotificationKindSchema,
    to: Type.String(),
    subject: Type.String(),
    /** The plain-text body that was sent. */
    body: Type.String(),
    channel: Type.String({ description: 'record | smtp' }),
    /** The transport's message id (SMTP Message-ID); null when nothing left the process (record). */
    messageId: Type.Union([Type.String(), Type.Null()]),
    sentAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type SentNotification = Static<typeof SentNotificationSchema>;

// ---------------------------------------------------------------------------------------------
// Persistence: the supplier order record, shipments, the search projection
// ---------------------------------------------------------------------------------------------

/** The stored supplier order (fulfillment's write model): the plan plus its progress. */
export const SupplierOrderRecordSchema = Type.Composite(
  [
    Type.Object({
      supplierOrderId: Type.Index(SupplierOrderPlanSchema, ['supplierOrderId']),
      orderId: Type.String({ minLength: 1 }),
      confirmationNumber: Type.String(),
      supplier: Type.Index(OrderLineSchema, ['supplier']),
      strategy: SupplierOrderStrategySchema,
      lines: Type.Array(SupplierOrderLineSchema, { minItems: 1 }),
      customer: CustomerSchema,
    }),
    SupplierOrderProgressSchema,
  ],
  { additionalProperties: false },
);
export type SupplierOrderRecord = Static<typeof SupplierOrderRecordSchema>;

/** A supplier order's shipment, from the moment it shipped (one per supplier order). */
export const ShipmentSchema = Type.Object(
  {
    supplierOrderId: Type.String({ minLength: 1 }),
    orderId: Type.String({ minLength: 1 }),
    supplierId: Type.String({ minLength: 1 }),
    trackingNumber: Type.String({ minLength: 1 }),
    carrier: Type.String({ minLength: 1 }),
    shippedAt: TimestampSchema,
    deliveredAt: Type.Union([TimestampSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Shipment = Static<typeof ShipmentSchema>;

/** One document of the `supplier_orders` search projection (upserted by supplierOrderId, version-guarded). */
export const SupplierOrderSearchDocumentSchema = Type.Object(
  {
    supplierOrderId: Type.String({ minLength: 1 }),
    orderId: Type.String({ minLength: 1 }),
    confirmationNumber: Type.String(),
    supplierId: Type.String({ minLength: 1 }),
    supplierName: Type.String(),
    strategy: SupplierOrderStrategySchema,
    status: SupplierOrderStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    externalReference: Type.Union([Type.String(), Type.Null()]),
    skus: Type.Array(Type.String()),
    customerEmail: Type.String(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, $id: 'SupplierOrderSearchDocument', title: 'SupplierOrderSearchDocument' },
);
export type SupplierOrderSearchDocument = Static<typeof SupplierOrderSearchDocumentSchema>;

/** Search the supplier orders (admin): by supplier, status, strategy or order; newest change first. */
export const SupplierOrderSearchQuerySchema = Type.Object(
  {
    supplierId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Any of these statuses. */
    status: Type.Optional(Type.Array(SupplierOrderStatusSchema, { minItems: 1, maxItems: 6, uniqueItems: true })),
    strategy: Type.Optional(SupplierOrderStrategySchema),
    orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
  },
  { additionalProperties: false, title: 'SupplierOrderSearchQuery' },
);
export type SupplierOrderSearchQuery = Static<typeof SupplierOrderSearchQuerySchema>;

export const SupplierOrderSearchResultSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    items: Type.Array(SupplierOrderSearchDocumentSchema),
  },
  { additionalProperties: false, title: 'SupplierOrderSearchResult' },
);
export type SupplierOrderSearchResult = Static<typeof SupplierOrderSearchResultSchema>;

// ---------------------------------------------------------------------------------------------
// Inside the fulfillment domain: parent ↔ child messages and the dropshipper's API
// ---------------------------------------------------------------------------------------------

/** The parent asks a supplier order to move to a stage (manual strategy). */
export const SupplierOrderAdvanceSchema = Type.Object(
  {
    to: Type.Union([Type.Literal('processing'), Type.Literal('shipped'), Type.Literal('delivered'), Type.Literal('rejected')]),
    actor: ActorSchema,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    trackingNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type SupplierOrderAdvance = Static<typeof SupplierOrderAdvanceSchema>;

export const FulfillmentCancellationSchema = Type.Object(
  { reason: Type.String({ maxLength: 1_000 }), cancelledBy: ActorSchema },
  { additionalProperties: false },
);
export type FulfillmentCancellation = Static<typeof FulfillmentCancellationSchema>;

/** Statuses of an order at the dropshipper, as its API reports them. */
export const DropshipRemoteStatusSchema = Type.Union([
  Type.Literal('received'),
  Type.Literal('processing'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('rejected'),
  Type.Literal('cancelled'),
]);
export type DropshipRemoteStatus = Static<typeof DropshipRemoteStatusSchema>;

/** Submit a supplier order to a dropshipper; idempotent per supplierOrderId (the API's idempotency key). */
export const DropshipOrderRequestSchema = Type.Object(
  {
    supplierOrderId: Type.String({ minLength: 1, maxLength: 200 }),
    orderId: Type.String({ minLength: 1 }),
    supplierId: Type.String({ minLength: 1 }),
    lines: Type.Array(SupplierOrderLineSchema, { minItems: 1 }),
    shippingAddress: AddressSchema,
    /** When the workflow submitted it (workflow time: the same on every retry). */
    submittedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type DropshipOrderRequest = Static<typeof DropshipOrderRequestSchema>;

/** The dropshipper's view of an order (what a poll returns). */
export const DropshipOrderStatusSchema = Type.Object(
  {
    externalReference: Type.String({ minLength: 1 }),
    status: DropshipRemoteStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    carrier: Type.Union([Type.String(), Type.Null()]),
    /** Why it was rejected or cancelled ('' otherwise). */
    reason: Type.String(),
  },
  { additionalProperties: false },
);
export type DropshipOrderStatus = Static<typeof DropshipOrderStatusSchema>;

export const DropshipOrderRefSchema = Type.Object(
  { supplierOrderId: Type.String({ minLength: 1 }), externalReference: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type DropshipOrderRef = Static<typeof DropshipOrderRefSchema>;

export const DropshipCancelRequestSchema = Type.Composite(
  [DropshipOrderRefSchema, Type.Object({ reason: Type.String({ maxLength: 1_000 }) })],
  { additionalProperties: false },
);
export type DropshipCancelRequest = Static<typeof DropshipCancelRequestSchema>;

/** The answer to a cancellation request: `cancelled` false when the order already shipped. */
export const DropshipCancellationResultSchema = Type.Object(
  { cancelled: Type.Boolean(), order: DropshipOrderStatusSchema },
  { additionalProperties: false },
);
export type DropshipCancellationResult = Static<typeof DropshipCancellationResultSchema>;
