import { Type } from '@sinclair/typebox';
import { AdvanceFulfillmentInputSchema, FulfillmentStateSchema } from '@commerce/contracts/fulfillment/schemas';
import { WorkflowLinksSchema } from '../../http/workflow-links.js';

const { supplierOrderId, to, note } = AdvanceFulfillmentInputSchema.properties;

/** The admin's advance of manual supplier orders; the actor is the authenticated admin. */
export const AdvanceFulfillmentBodySchema = Type.Object(
  { supplierOrderId, to, note },
  { additionalProperties: false, title: 'AdvanceFulfillment' },
);

/** The fulfillment after the advance, with a link to its workflow. */
export const FulfillmentResultSchema = Type.Object(
  { ...FulfillmentStateSchema.properties, links: WorkflowLinksSchema },
  { title: 'FulfillmentResult' },
);
