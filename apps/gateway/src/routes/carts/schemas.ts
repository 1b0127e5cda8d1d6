import { Type } from '@sinclair/typebox';
import { CartIdSchema, CartViewSchema, LineIdSchema, CartQuantitySchema } from '@commerce/contracts/cart/schemas';

export const CartParamsSchema = Type.Object({ cartId: CartIdSchema }, { additionalProperties: false });
export const CartLineParamsSchema = Type.Object(
  { cartId: CartIdSchema, lineId: LineIdSchema },
  { additionalProperties: false },
);

/** Links of every cart response: the cart, its items, its live checkout and its workflow. */
export const CartLinksSchema = Type.Object(
  {
    self: Type.String({ description: 'This cart in the API', examples: ['/v1/carts/c_01JE7W3Q2Z8K4M6N8P0R2T4V6X'] }),
    items: Type.String({ description: 'Where items are added (POST)' }),
    checkout: Type.Optional(Type.String({ description: "The cart's live checkout, if any" })),
    temporalUi: Type.String({
      format: 'uri',
      description: "The cart's workflow (cartWorkflow) in the Temporal Web UI",
    }),
  },
  { additionalProperties: false },
);

/** The 201 answer of POST /v1/carts: a new cart id (the workflow starts with the first item). */
export const NewCartSchema = Type.Object(
  { cartId: CartIdSchema, links: CartLinksSchema },
  { additionalProperties: false, title: 'NewCart' },
);

/** Every cart answer: the cart as its workflow sees it (with its `version`), and its links. */
export const CartResponseSchema = Type.Object(
  { ...CartViewSchema.properties, links: CartLinksSchema },
  { additionalProperties: false, title: 'CartResponse' },
);

export const ChangeQuantityBodySchema = Type.Object(
  { quantity: CartQuantitySchema },
  { additionalProperties: false, title: 'ChangeCartLineQuantity' },
);
