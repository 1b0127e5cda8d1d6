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

export const SupplierOrderPlanSchema = Type.Object(
  {
    supplierOrderId: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' }),
    supplier: Type.Index(OrderLineSchema, ['supplier']),
    lines: Type.Array(
      Type.Object({ sku: Type.String(), quantity: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
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
  },
  { additionalProperties: false, title: 'AdvanceFulfillment' },
);
export type AdvanceFulfillmentInput = Static<typeof AdvanceFulfillmentInputSchema>;

export const SupplierOrderStateSchema = Type.Object(
  {
    supplierOrderId: Type.String(),
    supplierId: Type.String(),
    strategy: Type.Union([Type.Literal('simulated'), Type.Literal('manual'), Type.Literal('dropship-api')]),
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
    channel: Type.String({ description: 'record | smtp' }),
    sentAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type SentNotification = Static<typeof SentNotificationSchema>;
