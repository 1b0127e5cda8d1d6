import { Type, type Static } from '@sinclair/typebox';
import { AddressSchema, CurrencySchema, MoneySchema, TimestampSchema } from '../common/schemas.js';
import { CheckoutSettingsSchema } from '../checkout/settings.js';
import { SkuDescriptionSchema, SkuSchema } from '../inventory/schemas.js';

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** Cart ids are minted by the gateway (`POST /v1/carts`); the workflow id is `cart:<cartId>`. */
export const CartIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', examples: ['c_01JE7W3Q2Z8K4M6N8P0R2T4V6X'] });
export type CartId = Static<typeof CartIdSchema>;

/** A line id is minted by the cart (`l1`, `l2`, …) and never reused within a cart. */
export const LineIdSchema = Type.String({ pattern: '^l[0-9]{1,6}$', examples: ['l1'] });
export type LineId = Static<typeof LineIdSchema>;

/** Quantities per cart line (SPEC §4.2). */
export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 50;
export const CartQuantitySchema = Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY });

/** Coupon codes are case-insensitive for shoppers and stored upper-case. */
export const CouponCodeSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{3,32}$', examples: ['WELCOME10'] });

// ---------------------------------------------------------------------------------------------
// Settings (every duration configurable: production defaults here, tests run them in seconds)
// ---------------------------------------------------------------------------------------------

export const CartSettingsSchema = Type.Object(
  {
    /** Each line's stock hold lasts this long and is renewed while the cart is active (15 min). */
    holdTtlSeconds: Type.Integer({ minimum: 1, default: 900 }),
    /**
     * "Active" = the shopper touched the cart within this window (1 h). While active, the cart
     * renews its hold before it expires; once the window lapses the cart releases its holds
     * (lines show `stockHeld: false`) and holds them again on the shopper's next change or checkout.
     */
    holdKeepAliveMs: Type.Integer({ minimum: 1, default: 3_600_000 }),
    /** Idle this long (no update at all) → abandoned, holds released, the workflow ends (30 days). */
    idleTimeoutMs: Type.Integer({ minimum: 1, default: 30 * 86_400_000 }),
    /** Continue-as-new after this many handled updates (100). */
    continueAsNewAfterUpdates: Type.Integer({ minimum: 1, default: 100 }),
    /** How many recent update ids are carried across continue-as-new to deduplicate retries. */
    rememberedUpdateIds: Type.Integer({ minimum: 1, default: 500 }),
    /** Tax rate (basis points) for the cart's estimate before an address is known; checkout computes the real tax. */
    estimatedTaxRateBps: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
    /** Given to every checkout the cart starts. */
    checkout: CheckoutSettingsSchema,
  },
  { additionalProperties: false },
);
export type CartSettings = Static<typeof CartSettingsSchema>;

// ---------------------------------------------------------------------------------------------
// Coupons (owned by the cart domain: its own table on both profiles)
// ---------------------------------------------------------------------------------------------

export const CouponDiscountSchema = Type.Union(
  [
    Type.Object(
      { type: Type.Literal('percentage'), percent: Type.Integer({ minimum: 1, maximum: 100 }) },
      { additionalProperties: false },
    ),
    Type.Object({ type: Type.Literal('fixed'), amount: MoneySchema }, { additionalProperties: false }),
  ],
  { description: 'Percentage of the subtotal, or a fixed amount (never more than the subtotal)' },
);
export type CouponDiscount = Static<typeof CouponDiscountSchema>;

/** What an admin defines (`PUT /v1/admin/coupons/{code}`; the code comes from the path). */
export const CouponDefinitionSchema = Type.Object(
  {
    description: Type.String({ maxLength: 200, default: '' }),
    discount: CouponDiscountSchema,
    /** The subtotal (same currency) a cart needs for the coupon to apply. */
    minimumSubtotal: Type.Optional(MoneySchema),
    /** After this instant the coupon no longer applies. */
    expiresAt: Type.Optional(TimestampSchema),
    active: Type.Boolean({ default: true }),
  },
  { additionalProperties: false, $id: 'CouponDefinition', title: 'CouponDefinition' },
);
export type CouponDefinition = Static<typeof CouponDefinitionSchema>;

export const CouponSchema = Type.Composite(
  [
    Type.Object({ code: CouponCodeSchema }),
    CouponDefinitionSchema,
    Type.Object({ createdAt: TimestampSchema, updatedAt: TimestampSchema }),
  ],
  { additionalProperties: false, $id: 'Coupon', title: 'Coupon' },
);
export type Coupon = Static<typeof CouponSchema>;

export const UpsertCouponInputSchema = Type.Object(
  { code: CouponCodeSchema, definition: CouponDefinitionSchema, actor: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type UpsertCouponInput = Static<typeof UpsertCouponInputSchema>;

/** A coupon on a cart: the rule, and whether it applies to the cart as it is now (and why not). */
export const AppliedCouponSchema = Type.Object(
  {
    code: CouponCodeSchema,
    description: Type.String(),
    discount: CouponDiscountSchema,
    minimumSubtotal: Type.Optional(MoneySchema),
    expiresAt: Type.Optional(TimestampSchema),
    applies: Type.Boolean(),
    /** Why it does not apply (expired, below the minimum subtotal, other currency). */
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type AppliedCoupon = Static<typeof AppliedCouponSchema>;

// ---------------------------------------------------------------------------------------------
// The cart view (the query answer, and the answer of every update)
// ---------------------------------------------------------------------------------------------

export const CartLineSchema = Type.Object(
  {
    lineId: LineIdSchema,
    sku: SkuSchema,
    quantity: CartQuantitySchema,
    /** The catalog snapshot taken when the line was added (title, options, image, unit price, supplier). */
    product: SkuDescriptionSchema,
    lineTotal: MoneySchema,
    /** Whether inventory holds this line's units for the cart right now. */
    stockHeld: Type.Boolean(),
    addedAt: TimestampSchema,
  },
  { additionalProperties: false, $id: 'CartLine', title: 'CartLine' },
);
export type CartLine = Static<typeof CartLineSchema>;

export const CartTotalsSchema = Type.Object(
  { subtotal: MoneySchema, discount: MoneySchema, estimatedTax: MoneySchema, total: MoneySchema },
  { additionalProperties: false },
);
export type CartTotals = Static<typeof CartTotalsSchema>;

/**
 * active → (begin checkout) checking_out → ordered; checking_out → active when the checkout is
 * cancelled or expires; active → abandoned after the idle timeout. `ordered` and `abandoned` are
 * final: the workflow has ended and takes no more updates (its query still answers).
 */
export const CartStatusSchema = Type.Union([
  Type.Literal('active'),
  Type.Literal('checking_out'),
  Type.Literal('ordered'),
  Type.Literal('abandoned'),
]);
export type CartStatus = Static<typeof CartStatusSchema>;

/** Who the cart belongs to: a signed-in shopper (customerId) or a guest known by email. */
export const CartShopperSchema = Type.Object(
  {
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.@-]+$' })),
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false, $id: 'CartShopper', title: 'CartShopper' },
);
export type CartShopper = Static<typeof CartShopperSchema>;

export const CartCheckoutRefSchema = Type.Object(
  {
    checkoutId: Type.String(),
    workflowId: Type.String(),
    /** True from the checkout's submit until the order saga answered: the cart refuses changes. */
    locked: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CartCheckoutRef = Static<typeof CartCheckoutRefSchema>;

export const CartViewSchema = Type.Object(
  {
    cartId: CartIdSchema,
    status: CartStatusSchema,
    /** Bumped by every change of lines, quantities, coupon or shopper; checkout submit carries it. */
    version: Type.Integer({ minimum: 0 }),
    currency: Type.Union([CurrencySchema, Type.Null()]),
    lines: Type.Array(CartLineSchema),
    coupon: Type.Union([AppliedCouponSchema, Type.Null()]),
    totals: CartTotalsSchema,
    shopper: Type.Union([CartShopperSchema, Type.Null()]),
    /** The live checkout (at most one), or null. */
    checkout: Type.Union([CartCheckoutRefSchema, Type.Null()]),
    /** Set once the cart is `ordered`. */
    orderId: Type.Union([Type.String(), Type.Null()]),
    /** The inventory hold that reserves the lines' stock. */
    holdId: Type.String(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** When the cart is abandoned unless touched again. */
    idleExpiresAt: TimestampSchema,
  },
  { additionalProperties: false, $id: 'CartView', title: 'CartView' },
);
export type CartView = Static<typeof CartViewSchema>;

// ---------------------------------------------------------------------------------------------
// Update arguments (validated by the workflow's validators, and by the gateway's route schemas)
// ---------------------------------------------------------------------------------------------

export const AddItemRequestSchema = Type.Object(
  { sku: SkuSchema, quantity: CartQuantitySchema },
  { additionalProperties: false, $id: 'AddCartItem', title: 'AddCartItem' },
);
export type AddItemRequest = Static<typeof AddItemRequestSchema>;

export const ChangeQuantityRequestSchema = Type.Object(
  { lineId: LineIdSchema, quantity: CartQuantitySchema },
  { additionalProperties: false },
);
export type ChangeQuantityRequest = Static<typeof ChangeQuantityRequestSchema>;

export const RemoveItemRequestSchema = Type.Object({ lineId: LineIdSchema }, { additionalProperties: false });
export type RemoveItemRequest = Static<typeof RemoveItemRequestSchema>;

export const ApplyCouponRequestSchema = Type.Object(
  { code: CouponCodeSchema },
  { additionalProperties: false, $id: 'ApplyCoupon', title: 'ApplyCoupon' },
);
export type ApplyCouponRequest = Static<typeof ApplyCouponRequestSchema>;

export const AttachShopperRequestSchema = CartShopperSchema;
export type AttachShopperRequest = CartShopper;

export const BeginCheckoutRequestSchema = Type.Object(
  {
    /** Optional: prefill the checkout's shipping step (e.g. a signed-in shopper's saved address). */
    shippingAddress: Type.Optional(AddressSchema),
  },
  { additionalProperties: false, $id: 'BeginCheckout', title: 'BeginCheckout' },
);
export type BeginCheckoutRequest = Static<typeof BeginCheckoutRequestSchema>;

/** Sent by the checkout (through its lockCart activity) when the shopper submits. */
export const LockForCheckoutRequestSchema = Type.Object(
  { checkoutId: Type.String({ minLength: 1, maxLength: 200 }), cartVersion: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type LockForCheckoutRequest = Static<typeof LockForCheckoutRequestSchema>;

/**
 * The checkout tells the cart how it went (cross-workflow signal):
 * - `unlocked`: the order was declined; the checkout is back at `payment`, the cart editable again;
 * - `completed`: the order was placed; the cart ends `ordered` (its hold now belongs to the order);
 * - `closed`: the checkout was cancelled, expired or failed and released the hold; the cart is
 *   `active` again and holds its lines afresh on the next change or checkout.
 */
export const CheckoutEventSchema = Type.Object(
  {
    checkoutId: Type.String(),
    kind: Type.Union([Type.Literal('unlocked'), Type.Literal('completed'), Type.Literal('closed')]),
    orderId: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type CheckoutEvent = Static<typeof CheckoutEventSchema>;

// ---------------------------------------------------------------------------------------------
// Workflow input (also what continue-as-new carries)
// ---------------------------------------------------------------------------------------------

/** State carried from one run to the next by continue-as-new. */
export const CartCarryOverSchema = Type.Object(
  {
    view: CartViewSchema,
    /** Recent update ids (newest last) with the cart version each produced: a retried update is not applied twice. */
    recentUpdates: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer() }, { additionalProperties: false })),
    nextLineNumber: Type.Integer({ minimum: 1 }),
    nextCheckoutNumber: Type.Integer({ minimum: 1 }),
    /** When the shopper last changed the cart (drives the hold keep-alive and the idle timeout). */
    lastActivityAt: TimestampSchema,
    /** How many runs came before (for the query and tests). */
    runs: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type CartCarryOver = Static<typeof CartCarryOverSchema>;

export const CartWorkflowInputSchema = Type.Object(
  {
    cartId: CartIdSchema,
    settings: CartSettingsSchema,
    requestId: Type.Optional(Type.String({ maxLength: 200 })),
    carried: Type.Optional(CartCarryOverSchema),
  },
  { additionalProperties: false },
);
export type CartWorkflowInput = Static<typeof CartWorkflowInputSchema>;

export const CartWorkflowResultSchema = Type.Object(
  { cartId: CartIdSchema, status: Type.Union([Type.Literal('ordered'), Type.Literal('abandoned')]), orderId: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type CartWorkflowResult = Static<typeof CartWorkflowResultSchema>;
