import { Type } from '@sinclair/typebox';
import { ProblemSchema } from '@commerce/contracts/common/schemas';
import {
  CheckoutErrorSchema,
  CheckoutIdSchema,
  CheckoutStepSchema,
  CheckoutViewSchema,
} from '@commerce/contracts/checkout/schemas';

export const CheckoutParamsSchema = Type.Object(
  { checkoutId: CheckoutIdSchema },
  { additionalProperties: false },
);

export const CheckoutLinksSchema = Type.Object(
  {
    self: Type.String({ description: 'This checkout in the API' }),
    cart: Type.String({ description: 'The cart the checkout belongs to' }),
    temporalUi: Type.String({
      format: 'uri',
      description: "The checkout's workflow (checkoutWorkflow) in the Temporal Web UI",
    }),
  },
  { additionalProperties: false },
);

/** Every checkout answer: the checkout as its workflow sees it (with the `cartVersion` to submit), and its links. */
export const CheckoutResponseSchema = Type.Object(
  { ...CheckoutViewSchema.properties, links: CheckoutLinksSchema },
  { additionalProperties: false, title: 'CheckoutResponse' },
);

/**
 * The problem of a refused submit (declined payment, changed cart, …): which checkout, the step it
 * is at now (`payment` after a decline, `review` after a cart change), and its last error.
 */
export const CheckoutProblemSchema = Type.Object(
  {
    ...ProblemSchema.properties,
    checkoutId: Type.Optional(CheckoutIdSchema),
    step: Type.Optional(CheckoutStepSchema),
    cartVersion: Type.Optional(Type.Integer({ minimum: 0 })),
    lastError: Type.Optional(Type.Union([CheckoutErrorSchema, Type.Null()])),
    links: Type.Optional(CheckoutLinksSchema),
  },
  { $id: 'CheckoutProblem', title: 'CheckoutProblem' },
);
