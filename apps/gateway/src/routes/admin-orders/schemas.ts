import { Type } from '@sinclair/typebox';
import { OrderStatusSchema } from '@commerce/contracts/oms/schemas';
import { ApprovalDecisionSchema, OrderIdSchema } from '@commerce/contracts/order-saga/schemas';

export const OrderReturnParamsSchema = Type.Object(
  {
    orderId: OrderIdSchema,
    returnId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }),
  },
  { additionalProperties: false },
);

/** POST /v1/admin/orders/{orderId}/approval: who decided and why (seed 000's approve call). */
export const ApprovalBodySchema = Type.Object(ApprovalDecisionSchema.properties, {
  additionalProperties: false,
  title: 'ApprovalDecision',
});

/** POST /v1/admin/orders/{orderId}/status: the actor is the authenticated admin. */
export const StatusChangeBodySchema = Type.Object(
  { status: OrderStatusSchema, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, title: 'OrderStatusChange' },
);

export const OrderNoteBodySchema = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2_000 }) },
  { additionalProperties: false, title: 'OrderNote' },
);

export const ReturnDecisionBodySchema = Type.Object(
  { approved: Type.Boolean(), reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, title: 'ReturnDecision' },
);
