import { Type } from '@sinclair/typebox';
import { CouponCodeSchema, CouponSchema } from '@commerce/contracts/cart/schemas';
import { WorkflowLinksSchema } from '../../http/workflow-links.js';

export const CouponParamsSchema = Type.Object({ code: CouponCodeSchema }, { additionalProperties: false });

/** A coupon as the cart domain stores it, with a link to the workflow that wrote or read it. */
export const CouponResponseSchema = Type.Object(
  { ...CouponSchema.properties, links: WorkflowLinksSchema },
  { additionalProperties: false, title: 'CouponResponse' },
);
