import { Type, type Static } from '@sinclair/typebox';
import { AddressSchema, CurrencySchema, MoneySchema, OrderTotalsSchema, TimestampSchema } from '../common/schemas.js';
import { AppliedCouponSchema, CartIdSchema, CartLineSchema, CartShopperSchema } from '../cart/schemas.js';
import { PaymentMethodSchema } from '../order-saga/schemas.js';
import { CheckoutSettingsSchema } from './settings.js';

export { CheckoutSettingsSchema, type CheckoutSettings } from './settings.js';

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** `<cartId>-co<n>`: minted by the cart (the n-th checkout of that cart); workflow id `checkout:<checkoutId>`. */
export const CheckoutIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}-co[0-9]{1,4}$', examples: ['c_01JE7W3Q2Z8K4M6N8P0R2T4V6X-co1'] });
export type CheckoutId = Static<typeof CheckoutIdSchema>;

// ---------------------------------------------------------------------------------------------
// The cart as the checkout sees it
// ---------------------------------------------------------------------------------------------

/** What the checkout prices and orders: the cart's lines, coupon and version at a moment. */
export const CartSnapshotSchema = Type.Object(
  {
    cartId: CartIdSchema,
    version: Type.Integer({ minimum: 0 }),
    currency: CurrencySchema,
    /** Empty when the shopper emptied the cart during checkout (submit is then refused). */
    lines: Type.Array(CartLineSchema),
    coupon: Type.Union([AppliedCouponSchema, Type.Null()]),
    subtotal: MoneySchema,
    discount: MoneySchema,
    shopper: Type.Union([CartShopperSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type CartSnapshot = Static<typeof CartSnapshotSchema>;

// ---------------------------------------------------------------------------------------------
// Steps and view
// ---------------------------------------------------------------------------------------------

/**
 * shipping → payment → review → submitting → completed; exits cancelled, expired, failed.
 * Back-navigation: the address may be set again from payment or review, the payment method from review.
 */
export const CheckoutStepSchema = Type.Union([
  Type.Literal('shipping'),
  Type.Literal('payment'),
  Type.Literal('review'),
  Type.Literal('submitting'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
  Type.Literal('failed'),
]);
export type CheckoutStep = Static<typeof CheckoutStepSchema>;

export const CheckoutErrorSchema = Type.Object(
  { code: Type.String(), message: Type.String(), at: TimestampSchema },
  { additionalProperties: false },
);
export type CheckoutError = Static<typeof CheckoutErrorSchema>;

/** Shipping and tax as the checkout's activities computed them for the address. */
export const ChargesQuoteSchema = Type.Object(
  {
    shipping: MoneySchema,
    tax: MoneySchema,
    /** Which rules applied, for the shopper and support (e.g. "US flat rate; CA 7.25%"). */
    shippingRule: Type.String(),
    taxRule: Type.String(),
  },
  { additionalProperties: false },
);
export type ChargesQuote = Static<typeof ChargesQuoteSchema>;

export const CheckoutViewSchema = Type.Object(
  {
    checkoutId: CheckoutIdSchema,
    cartId: CartIdSchema,
    step: CheckoutStepSchema,
    /** The cart version the checkout shows; submit must carry it (price integrity). */
    cartVersion: Type.Integer({ minimum: 0 }),
    lines: Type.Array(CartLineSchema),
    coupon: Type.Union([AppliedCouponSchema, Type.Null()]),
    /** subtotal - discount + shipping + tax; shipping and tax are 0 until an address is set. */
    totals: OrderTotalsSchema,
    charges: Type.Union([ChargesQuoteSchema, Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    shippingAddress: Type.Union([AddressSchema, Type.Null()]),
    paymentMethod: Type.Union([PaymentMethodSchema, Type.Null()]),
    /** The last refusal (a declined card, a changed cart), shown to the shopper. */
    lastError: Type.Union([CheckoutErrorSchema, Type.Null()]),
    /** Orders attempted by submit, oldest first (a declined attempt, then the one that went through). */
    orderAttempts: Type.Array(
      Type.Object(
        { orderId: Type.String(), outcome: Type.Union([Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('pending')]), code: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    /** Set once `completed`. */
    orderId: Type.Union([Type.String(), Type.Null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** When the checkout expires unless the shopper moves on. */
    expiresAt: TimestampSchema,
  },
  { additionalProperties: false, $id: 'CheckoutView', title: 'CheckoutView' },
);
export type CheckoutView = Static<typeof CheckoutViewSchema>;

// ---------------------------------------------------------------------------------------------
// Update arguments
// ---------------------------------------------------------------------------------------------

export const SetShippingAddressRequestSchema = Type.Object(
  {
    address: AddressSchema,
    /** Where the order confirmation goes; defaults to the cart's shopper email. */
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false, $id: 'SetShippingAddress', title: 'SetShippingAddress' },
);
export type SetShippingAddressRequest = Static<typeof SetShippingAddressRequestSchema>;

export const SetPaymentMethodRequestSchema = Type.Object(
  { paymentMethod: PaymentMethodSchema },
  { additionalProperties: false, $id: 'SetPaymentMethod', title: 'SetPaymentMethod' },
);
export type SetPaymentMethodRequest = Static<typeof SetPaymentMethodRequestSchema>;

export const SubmitCheckoutRequestSchema = Type.Object(
  { cartVersion: Type.Integer({ minimum: 0, description: 'The cart version the shopper reviewed (CheckoutView.cartVersion)' }) },
  { additionalProperties: false, $id: 'SubmitCheckout', title: 'SubmitCheckout' },
);
export type SubmitCheckoutRequest = Static<typeof SubmitCheckoutRequestSchema>;

export const CancelCheckoutRequestSchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false, $id: 'CancelCheckout', title: 'CancelCheckout' },
);
export type CancelCheckoutRequest = Static<typeof CancelCheckoutRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Workflow input / result, activity inputs
// ---------------------------------------------------------------------------------------------

export const CheckoutWorkflowInputSchema = Type.Object(
  {
    checkoutId: CheckoutIdSchema,
    cartWorkflowId: Type.String(),
    /** The cart's inventory hold: renewed for the checkout's lifetime, released on cancel / expiry / failure. */
    holdId: Type.String(),
    cart: CartSnapshotSchema,
    shippingAddress: Type.Optional(AddressSchema),
    settings: CheckoutSettingsSchema,
    requestId: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CheckoutWorkflowInput = Static<typeof CheckoutWorkflowInputSchema>;

export const CheckoutWorkflowResultSchema = Type.Object(
  {
    checkoutId: CheckoutIdSchema,
    step: Type.Union([Type.Literal('completed'), Type.Literal('cancelled'), Type.Literal('expired'), Type.Literal('failed')]),
    orderId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type CheckoutWorkflowResult = Static<typeof CheckoutWorkflowResultSchema>;

export const QuoteChargesInputSchema = Type.Object(
  {
    address: AddressSchema,
    /** Subtotal minus discount: what shipping thresholds and tax apply to. */
    merchandise: MoneySchema,
    /** Total weight of the lines (grams), for weight-based shipping rules. */
    weightGrams: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type QuoteChargesInput = Static<typeof QuoteChargesInputSchema>;

export const LockCartInputSchema = Type.Object(
  {
    cartWorkflowId: Type.String(),
    checkoutId: CheckoutIdSchema,
    cartVersion: Type.Integer({ minimum: 0 }),
    /**
     * The order attempt this lock is for (1, 2, … as in checkoutOrderId). Part of the update id
     * (`lock:<checkoutId>:<cartVersion>:o<attempt>`): a retried activity is the same update, while
     * a new submit after a decline (which unlocked the cart) locks again at the same version.
     */
    attempt: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type LockCartInput = Static<typeof LockCartInputSchema>;
