import { Type } from '@sinclair/typebox';

/** `productId` accepts a product id (`prod-000000`) or its handle (`drift-organic-cotton-t-shirt-0`). */
export const ProductParamsSchema = Type.Object(
  {
    productId: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,79}$',
      description: 'Product id or handle',
      // Real ones of dev-stack's seeded catalog (test/openapi-examples.test.ts checks them).
      examples: ['prod-000000', 'drift-organic-cotton-t-shirt-0'],
    }),
  },
  { additionalProperties: false },
);
