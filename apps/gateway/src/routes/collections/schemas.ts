import { Type } from '@sinclair/typebox';
import { CollectionViewSchema, HandleSchema } from '@commerce/contracts/inventory/schemas';

export const CollectionParamsSchema = Type.Object(
  { handle: HandleSchema },
  { additionalProperties: false },
);

export const CollectionListSchema = Type.Object({ items: Type.Array(CollectionViewSchema) });
