import { Type, type Static } from '@sinclair/typebox';
import { OrderSagaSettingsSchema } from '../order-saga/schemas.js';

/** Every duration of a checkout; the cart passes them to each checkout it starts. */
export const CheckoutSettingsSchema = Type.Object(
  {
    /** Inactivity limit: no step change for this long → expired, holds released, cart active again (1 h). */
    timeoutMs: Type.Integer({ minimum: 1, default: 3_600_000 }),
    /** The cart's hold is renewed for the checkout's remaining lifetime plus this margin. */
    holdMarginSeconds: Type.Integer({ minimum: 0, default: 300 }),
    /** Given to the order saga of every order the checkout places. */
    order: OrderSagaSettingsSchema,
  },
  { additionalProperties: false },
);
export type CheckoutSettings = Static<typeof CheckoutSettingsSchema>;
