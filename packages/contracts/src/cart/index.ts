// Workflow-safe root entry of the cart contract: types, names, message definitions, failure types
// and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AddItemRequest,
  ApplyCouponRequest,
  AttachShopperRequest,
  BeginCheckoutRequest,
  CartView,
  CartWorkflowInput,
  CartWorkflowResult,
  ChangeQuantityRequest,
  CheckoutEvent,
  Coupon,
  LockForCheckoutRequest,
  RemoveItemRequest,
  UpsertCouponInput,
} from './schemas.js';

export type {
  AddItemRequest,
  AppliedCoupon,
  ApplyCouponRequest,
  AttachShopperRequest,
  BeginCheckoutRequest,
  CartCarryOver,
  CartCheckoutRef,
  CartId,
  CartLine,
  CartSettings,
  CartShopper,
  CartStatus,
  CartTotals,
  CartView,
  CartWorkflowInput,
  CartWorkflowResult,
  ChangeQuantityRequest,
  CheckoutEvent,
  Coupon,
  CouponDefinition,
  CouponDiscount,
  LineId,
  LockForCheckoutRequest,
  RemoveItemRequest,
  UpsertCouponInput,
} from './schemas.js';

export const CART_TASK_QUEUE = 'cart';

// ---- workflows -------------------------------------------------------------------------------

/** One per cart, started lazily by the first add-item (update-with-start, USE_EXISTING). */
export const CART_WORKFLOW = 'cartWorkflow';
export type CartWorkflow = (input: CartWorkflowInput) => Promise<CartWorkflowResult>;
export const cartWorkflowId = (cartId: string): string => `cart:${cartId}`;
/** The one inventory hold of a cart; each cart line is one SKU line of it. */
export const cartHoldId = (cartId: string): string => `cart:${cartId}`;
/** The n-th checkout of a cart (n from 1): at most one is live at a time. */
export const cartCheckoutId = (cartId: string, n: number): string => `${cartId}-co${n}`;

/** Admin: create or replace a coupon (runs the cart domain's coupon store activity). */
export const UPSERT_COUPON_WORKFLOW = 'upsertCouponWorkflow';
export type UpsertCouponWorkflow = (input: UpsertCouponInput) => Promise<Coupon>;
export const upsertCouponWorkflowId = (code: string, requestKey: string): string => `coupon:${code}:${requestKey}`;
/** Admin: read a coupon (null when none has the code). */
export const GET_COUPON_WORKFLOW = 'getCouponWorkflow';
export type GetCouponWorkflow = (input: { code: string }) => Promise<Coupon | null>;

// ---- messages --------------------------------------------------------------------------------
// Every update answers with the new cart. Validators refuse bad input before anything enters
// history; an update id seen before (also in an earlier run) answers without applying again.

export const addItemUpdate: UpdateDefinition<CartView, [AddItemRequest]> = defineUpdate<CartView, [AddItemRequest]>('addItem');
export const changeQuantityUpdate: UpdateDefinition<CartView, [ChangeQuantityRequest]> = defineUpdate<CartView, [ChangeQuantityRequest]>('changeQuantity');
export const removeItemUpdate: UpdateDefinition<CartView, [RemoveItemRequest]> = defineUpdate<CartView, [RemoveItemRequest]>('removeItem');
export const applyCouponUpdate: UpdateDefinition<CartView, [ApplyCouponRequest]> = defineUpdate<CartView, [ApplyCouponRequest]>('applyCoupon');
export const removeCouponUpdate: UpdateDefinition<CartView, []> = defineUpdate<CartView, []>('removeCoupon');
export const attachShopperUpdate: UpdateDefinition<CartView, [AttachShopperRequest]> = defineUpdate<CartView, [AttachShopperRequest]>('attachShopper');
/** Starts the checkout child (ABANDON), or answers the live one: at most one live checkout per cart. */
export const beginCheckoutUpdate: UpdateDefinition<CartView, [BeginCheckoutRequest]> = defineUpdate<CartView, [BeginCheckoutRequest]>('beginCheckout');
/** The checkout's submit locks the cart at the version the shopper reviewed (refused if it changed since). */
export const lockForCheckoutUpdate: UpdateDefinition<CartView, [LockForCheckoutRequest]> = defineUpdate<CartView, [LockForCheckoutRequest]>('lockForCheckout');
/** The checkout reports its outcome to the cart. */
export const checkoutEventSignal = defineSignal<[CheckoutEvent]>('checkoutEvent');
export const cartQuery = defineQuery<CartView>('cart');

// ---- activities ------------------------------------------------------------------------------

/** Registered by the cart worker on the `cart` task queue: the coupon store. */
export interface CartActivities {
  /** The coupon with this code (case-insensitive), or null. */
  getCoupon(input: { code: string }): Promise<Coupon | null>;
  upsertCoupon(input: UpsertCouponInput): Promise<Coupon>;
}

// ---- failures --------------------------------------------------------------------------------

/** ApplicationFailure types raised by the cart's validators, handlers and activities. */
export const CartFailure = {
  /** The cart is `ordered` or `abandoned`. */
  NotActive: 'CartNotActiveError',
  /** The checkout is submitting the order: changes wait until it answers. */
  Locked: 'CartLockedError',
  LineNotFound: 'CartLineNotFoundError',
  TooManyLines: 'CartTooManyLinesError',
  /** A line would exceed 99 units. */
  QuantityLimit: 'CartQuantityLimitError',
  /** A SKU priced in another currency than the cart's lines. */
  CurrencyMismatch: 'CartCurrencyMismatchError',
  Empty: 'CartEmptyError',
  CouponNotFound: 'CouponNotFoundError',
  CouponNotApplicable: 'CouponNotApplicableError',
  /** lockForCheckout with a version other than the cart's (the shopper must review again). */
  Changed: 'CartChangedError',
  /** lockForCheckout from a checkout that is not the cart's live one. */
  CheckoutMismatch: 'CartCheckoutMismatchError',
  InvalidInput: 'InvalidCartInputError',
} as const;
export type CartFailureType = (typeof CartFailure)[keyof typeof CartFailure];
