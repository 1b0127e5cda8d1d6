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
import { OrderIdSchema, OrderSagaSettingsSchema, OrderSagaStatusSchema } from '../order-saga/schemas.js';
import { SupplierOrderPlanSchema, SupplierOrderStatusSchema } from '../fulfillment/schemas.js';

/**
 * The order-level status, derived over all supplier orders: placed → processing →
 * partially_shipped → shipped → delivered → completed (the return window closed). Exits:
 * cancelled, refunded (money returned without goods, e.g. fulfillment failed), returned.
 */
export const OrderStatusSchema = Type.Union([
  Type.Literal('placed'),
  Type.Literal('processing'),
  Type.Literal('partially_shipped'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
  Type.Literal('refunded'),
  Type.Literal('returned'),
]);
export type OrderStatus = Static<typeof OrderStatusSchema>;

/** The order as the saga hands it to OMS once the payment is captured. */
export const PlacedOrderSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    confirmationNumber: Type.String({ pattern: '^[A-Z0-9]{6,16}$' }),
    customer: CustomerSchema,
    lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 100 }),
    totals: OrderTotalsSchema,
    shippingAddress: AddressSchema,
    /** The inventory hold whose lines fulfillment allocates, fulfills or releases. */
    holdId: Type.String({ minLength: 1, maxLength: 200 }),
    placedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type PlacedOrder = Static<typeof PlacedOrderSchema>;

export const OrderWorkflowInputSchema = Type.Object(
  {
    order: PlacedOrderSchema,
    /** The saga to report progress to (signal orderProgress). */
    sagaWorkflowId: Type.String({ minLength: 1 }),
    settings: Type.Pick(OrderSagaSettingsSchema, ['returnWindowMs', 'fulfillmentMode', 'simulatedStageMs', 'dropshipPollMs']),
    /**
     * How long the order's projection writes are batched (ORDER_PROJECTION_FLUSH_MS of the OMS
     * worker): OMS's startOrder fills it in; callers leave it out. Default 1 s.
     */
    projectionFlushMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
  },
  { additionalProperties: false },
);
export type OrderWorkflowInput = Static<typeof OrderWorkflowInputSchema>;

/** One supplier's part of the order, as OMS routed it and fulfillment reports it. */
export const SupplierOrderViewSchema = Type.Object(
  {
    supplierOrderId: Type.String(),
    supplier: Type.Index(OrderLineSchema, ['supplier']),
    lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })),
    status: SupplierOrderStatusSchema,
    trackingNumber: Type.Union([Type.String(), Type.Null()]),
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type SupplierOrderView = Static<typeof SupplierOrderViewSchema>;

export const ReturnLineSchema = Type.Object(
  { sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,63}$' }), quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) },
  { additionalProperties: false },
);
export type ReturnLine = Static<typeof ReturnLineSchema>;

export const ReturnStatusSchema = Type.Union([
  Type.Literal('requested'),
  Type.Literal('approved'),
  Type.Literal('denied'),
  Type.Literal('received'),
  Type.Literal('refunded'),
]);
export type ReturnStatus = Static<typeof ReturnStatusSchema>;

export const ReturnRequestInputSchema = Type.Object(
  {
    returnId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
    lines: Type.Array(ReturnLineSchema, { minItems: 1, maxItems: 100 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    requestedBy: ActorSchema,
  },
  { additionalProperties: false },
);
export type ReturnRequestInput = Static<typeof ReturnRequestInputSchema>;

export const ReturnDecisionInputSchema = Type.Object(
  { returnId: Type.String({ minLength: 1 }), approved: Type.Boolean(), decidedBy: ActorSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ReturnDecisionInput = Static<typeof ReturnDecisionInputSchema>;

export const ReceiveReturnInputSchema = Type.Object(
  { returnId: Type.String({ minLength: 1 }), receivedBy: ActorSchema },
  { additionalProperties: false },
);
export type ReceiveReturnInput = Static<typeof ReceiveReturnInputSchema>;

export const OrderReturnSchema = Type.Object(
  {
    returnId: Type.String(),
    lines: Type.Array(ReturnLineSchema),
    reason: Type.String(),
    status: ReturnStatusSchema,
    refund: Type.Union([MoneySchema, Type.Null()]),
    requestedAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type OrderReturn = Static<typeof OrderReturnSchema>;

/** An admin forcing a status the lifecycle allows, with who and why. */
export const AdminStatusChangeSchema = Type.Object(
  { status: OrderStatusSchema, actor: ActorSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, title: 'AdminStatusChange' },
);
export type AdminStatusChange = Static<typeof AdminStatusChangeSchema>;

export const OrderNoteInputSchema = Type.Object(
  { actor: ActorSchema, note: Type.String({ minLength: 1, maxLength: 2_000 }) },
  { additionalProperties: false },
);
export type OrderNoteInput = Static<typeof OrderNoteInputSchema>;

/** Who, when, why — one entry per transition (append-only status history). */
export const TimelineEntrySchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: TimestampSchema,
    actor: ActorSchema,
    event: Type.String({ description: 'status_changed, supplier_order_updated, note_added, return_requested, …' }),
    fromStatus: Type.Union([OrderStatusSchema, Type.Null()]),
    toStatus: Type.Union([OrderStatusSchema, Type.Null()]),
    reason: Type.String(),
  },
  { additionalProperties: false, $id: 'TimelineEntry', title: 'TimelineEntry' },
);
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

/** The order with everything OMS knows: what the by-id view stores and the order query returns. */
export const OrderViewSchema = Type.Object(
  {
    ...PlacedOrderSchema.properties,
    status: OrderStatusSchema,
    supplierOrders: Type.Array(SupplierOrderViewSchema),
    returns: Type.Array(OrderReturnSchema),
    refunded: MoneySchema,
    deliveredAt: Type.Union([TimestampSchema, Type.Null()]),
    returnWindowEndsAt: Type.Union([TimestampSchema, Type.Null()]),
    completedAt: Type.Union([TimestampSchema, Type.Null()]),
    updatedAt: TimestampSchema,
    /** Bumped by every change (projection writes are idempotent on it). */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, $id: 'OrderView', title: 'OrderView' },
);
export type OrderView = Static<typeof OrderViewSchema>;

export const OrderWorkflowResultSchema = Type.Object(
  { orderId: OrderIdSchema, status: OrderStatusSchema },
  { additionalProperties: false },
);
export type OrderWorkflowResult = Static<typeof OrderWorkflowResultSchema>;

/** OMS asks the order to stop (the saga compensates the money and stock). */
export const OrderCancellationSchema = Type.Object(
  { cancelledBy: ActorSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type OrderCancellation = Static<typeof OrderCancellationSchema>;

// ---------------------------------------------------------------------------------------------
// The `orders` search projection (written by OMS, read by the gateway's admin order search)
// ---------------------------------------------------------------------------------------------

export const OrderSearchDocumentSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    confirmationNumber: Type.String(),
    status: OrderStatusSchema,
    customerId: Type.Union([Type.String(), Type.Null()]),
    customerEmail: Type.String(),
    customerName: Type.String(),
    total: MoneySchema,
    itemCount: Type.Integer({ minimum: 0 }),
    skus: Type.Array(Type.String()),
    suppliers: Type.Array(Type.String({ description: 'supplier ids' })),
    placedAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** The OrderView version it was projected from: a write with an older version is ignored. */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, $id: 'OrderSearchDocument', title: 'OrderSearchDocument' },
);
export type OrderSearchDocument = Static<typeof OrderSearchDocumentSchema>;

export const OrderSortSchema = Type.Union(
  [Type.Literal('placed_desc'), Type.Literal('placed_asc'), Type.Literal('total_desc'), Type.Literal('total_asc')],
  { default: 'placed_desc' },
);
export type OrderSort = Static<typeof OrderSortSchema>;

/** GET /v1/admin/orders query string (and the read model's query). */
export const OrderSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Order id, confirmation number, customer name or email, SKU' })),
    status: Type.Optional(Type.Array(OrderStatusSchema, { maxItems: 9, description: 'Any of these statuses' })),
    supplier: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    placedFrom: Type.Optional(TimestampSchema),
    placedTo: Type.Optional(TimestampSchema),
    sort: Type.Optional(OrderSortSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type OrderSearchQuery = Static<typeof OrderSearchQuerySchema>;

export const OrderFacetBucketSchema = Type.Object(
  { value: Type.String(), count: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

export const OrderSearchResultSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    items: Type.Array(OrderSearchDocumentSchema),
    /** Disjunctive: each facet counts as if its own filter were not applied. */
    facets: Type.Object(
      { status: Type.Array(OrderFacetBucketSchema), supplier: Type.Array(OrderFacetBucketSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type OrderSearchResult = Static<typeof OrderSearchResultSchema>;

// ---------------------------------------------------------------------------------------------
// OMS activities (registered by the OMS worker on the `oms` task queue) and diagnostics
// ---------------------------------------------------------------------------------------------

export const ResolveSupplierAssignmentsInputSchema = Type.Object(
  { orderId: OrderIdSchema, lines: Type.Array(OrderLineSchema, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export type ResolveSupplierAssignmentsInput = Static<typeof ResolveSupplierAssignmentsInputSchema>;

/** One supplier order per supplier of the lines, `supplierOrderId` = `<orderId>:<supplierId>`. */
export const SupplierAssignmentsSchema = Type.Array(SupplierOrderPlanSchema);
export type SupplierAssignments = Static<typeof SupplierAssignmentsSchema>;

/** The order's views and the timeline entries not yet stored (saveOrder, projectOrder). */
export const SaveOrderInputSchema = Type.Object(
  { view: OrderViewSchema, timeline: Type.Array(TimelineEntrySchema) },
  { additionalProperties: false },
);
export type SaveOrderInput = Static<typeof SaveOrderInputSchema>;

export const AwaitSagaOutcomeInputSchema = Type.Object({ sagaWorkflowId: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type AwaitSagaOutcomeInput = Static<typeof AwaitSagaOutcomeInputSchema>;

/** How the order's saga ended; `status` null when there is no such saga. */
export const SagaOutcomeSchema = Type.Object(
  { status: Type.Union([OrderSagaStatusSchema, Type.Null()]) },
  { additionalProperties: false },
);
export type SagaOutcome = Static<typeof SagaOutcomeSchema>;

/** What the order workflow's projection batching did (query `orderProjection`). */
export const OrderProjectionStatusSchema = Type.Object(
  {
    /** projectOrder activities run so far (one per batch of changes). */
    flushes: Type.Integer({ minimum: 0 }),
    /** The OrderView version the last flush wrote. */
    flushedVersion: Type.Integer({ minimum: 0 }),
    /** Changes waiting for the next flush. */
    dirty: Type.Boolean(),
    /** Changes made so far (the view's version). */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type OrderProjectionStatus = Static<typeof OrderProjectionStatusSchema>;
