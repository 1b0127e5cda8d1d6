import { Type } from '@sinclair/typebox';

/** `productId` accepts a product id (`prod-0001`) or its handle (`classic-tee`). */
export const ProductParamsSchema = Type.Object(
  {
    productId: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,79}$',
      description: 'Product id or handle',
      examples: ['prod-0001', 'classic-tee'],
    }),
  },
  { additionalProperties: false },
);
