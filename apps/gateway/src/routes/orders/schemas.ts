import { Type } from '@sinclair/typebox';
import {
  AddressSchema,
  CustomerSchema,
  MoneySchema,
  ProblemSchema,
} from '@commerce/contracts/common/schemas';
import { QuantitySchema, SkuSchema } from '@commerce/contracts/inventory/schemas';
import {
  OrderReturnSchema,
  OrderStatusSchema,
  OrderViewSchema,
  ReturnLineSchema,
  ReturnRequestInputSchema,
  TimelineEntrySchema,
} from '@commerce/contracts/oms/schemas';
import {
  CompensationRecordSchema,
  OrderIdSchema,
  OrderSagaStateSchema,
  OrderSagaStatusSchema,
  PaymentMethodSchema,
  SagaStepSchema,
} from '@commerce/contracts/order-saga/schemas';

export const OrderParamsSchema = Type.Object({ orderId: OrderIdSchema }, { additionalProperties: false });

/** Links of every order response: the order's own URL and its saga in the Temporal Web UI. */
export const OrderLinksSchema = Type.Object(
  {
    self: Type.String({ description: 'This order in the API', examples: ['/v1/orders/order-001'] }),
    temporalUi: Type.String({
      format: 'uri',
      description: "The order's saga (orderSagaWorkflow) in the Temporal Web UI",
    }),
  },
  { additionalProperties: false },
);

export const OrderItemSchema = Type.Object(
  { sku: SkuSchema, quantity: QuantitySchema },
  { additionalProperties: false },
);

/** POST /v1/orders: what an API client sends. Prices come from the catalog, never from the client. */
export const CreateOrderBodySchema = Type.Object(
  {
    /**
     * The client's own order id (the saga's idempotency key: one saga per id, ever). Default:
     * derived from the Idempotency-Key, or a new UUID.
     */
    orderId: Type.Optional(OrderIdSchema),
    customer: CustomerSchema,
    items: Type.Array(OrderItemSchema, { minItems: 1, maxItems: 100 }),
    shippingAddress: AddressSchema,
    paymentMethod: PaymentMethodSchema,
    /** The total the client showed the shopper; a different server-side total → 409 price_changed. */
    expectedTotal: Type.Optional(MoneySchema),
  },
  { additionalProperties: false, title: 'CreateOrder' },
);

/** The 201 answer of POST /v1/orders: the payment is authorized and the saga goes on. */
export const OrderPlacementSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    confirmationNumber: Type.String({ pattern: '^[A-Z0-9]{6,16}$' }),
    status: OrderSagaStatusSchema,
    total: MoneySchema,
    links: OrderLinksSchema,
  },
  { additionalProperties: false, title: 'OrderPlacement' },
);

/** The order status shown to clients: OMS's once OMS has the order, else the saga's. */
export const OrderStatusViewSchema = Type.Union([OrderStatusSchema, OrderSagaStatusSchema]);

/** GET /v1/orders/{orderId} and the answer of every order update. */
export const OrderDetailsSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    confirmationNumber: Type.String(),
    status: OrderStatusViewSchema,
    saga: OrderSagaStateSchema,
    order: Type.Union([OrderViewSchema, Type.Null()], {
      description: 'The order as OMS manages it; null until the payment is captured and OMS has it',
    }),
    links: OrderLinksSchema,
  },
  { additionalProperties: false, title: 'OrderDetails' },
);

export const OrderTimelineSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    status: OrderStatusViewSchema,
    entries: Type.Array(TimelineEntrySchema, {
      description: "OMS's status history (who, when, why); empty until OMS has the order",
    }),
    saga: Type.Object(
      {
        status: OrderSagaStatusSchema,
        currentStep: Type.Union([SagaStepSchema, Type.Null()]),
        completedSteps: Type.Array(SagaStepSchema),
        compensations: Type.Array(CompensationRecordSchema),
      },
      {
        additionalProperties: false,
        description: 'The placement steps the saga completed (and undid) before and around OMS',
      },
    ),
    links: OrderLinksSchema,
  },
  { additionalProperties: false, title: 'OrderTimeline' },
);

export const CancelOrderBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, title: 'CancelOrder' },
);

export const RequestReturnBodySchema = Type.Object(
  {
    /** Default: derived from the Idempotency-Key, or a new id. */
    returnId: Type.Optional(ReturnRequestInputSchema.properties.returnId),
    lines: Type.Array(ReturnLineSchema, { minItems: 1, maxItems: 100 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false, title: 'RequestReturn' },
);

export const ReturnResultSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    return: OrderReturnSchema,
    order: OrderViewSchema,
    links: OrderLinksSchema,
  },
  { additionalProperties: false, title: 'ReturnResult' },
);

/** The problem of a refused order: which order id it concerned, and where to look at it. */
export const OrderProblemSchema = Type.Object(
  {
    ...ProblemSchema.properties,
    orderId: Type.Optional(OrderIdSchema),
    links: Type.Optional(OrderLinksSchema),
  },
  { $id: 'OrderProblem', title: 'OrderProblem' },
);
