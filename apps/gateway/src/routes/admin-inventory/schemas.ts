import { Type } from '@sinclair/typebox';
import { SkuSchema, StockLevelSchema } from '@commerce/contracts/inventory/schemas';
import { WorkflowLinksSchema } from '../../http/workflow-links.js';

export const SkuParamsSchema = Type.Object({ sku: SkuSchema }, { additionalProperties: false });

/** The stock level the adjustment workflow returned, with a link to that workflow. */
export const StockUpdateResultSchema = Type.Object(
  { ...StockLevelSchema.properties, links: WorkflowLinksSchema },
  { title: 'StockUpdateResult' },
);
