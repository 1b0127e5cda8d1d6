import {
  CheckoutFailure,
  type CartSnapshot,
  type ChargesQuote,
  type CheckoutError,
  type CheckoutView,
  type CheckoutWorkflowInput,
  type SubmitCheckoutRequest,
} from '@commerce/contracts/checkout';
import { expiresAt } from './deadline.js';
import { stepRefusal, type Refusal } from './steps.js';
import { checkoutTotals } from './totals.js';

/** lastError code shown when the cart changed under the checkout (the shopper must review again). */
export const CART_CHANGED_ERROR_CODE = 'checkout_cart_changed';

/** A new checkout at `shipping` (an address given by beginCheckout only prefills the step). */
export function initialCheckoutView(input: CheckoutWorkflowInput, now: string): CheckoutView {
  const { cart } = input;
  return {
    checkoutId: input.checkoutId,
    cartId: cart.cartId,
    step: 'shipping',
    cartVersion: cart.version,
    lines: cart.lines,
    coupon: cart.coupon,
    totals: checkoutTotals(cart, null),
    charges: null,
    email: cart.shopper?.email ?? null,
    shippingAddress: input.shippingAddress ?? null,
    paymentMethod: null,
    lastError: null,
    orderAttempts: [],
    orderId: null,
    createdAt: now,
    updatedAt: now,
    expiresAt: expiresAt(now, input.settings.timeoutMs),
  };
}

/** The checkout with new charges (totals follow). */
export function withCharges(view: CheckoutView, cart: CartSnapshot, charges: ChargesQuote | null): CheckoutView {
  return { ...view, charges, totals: checkoutTotals(cart, charges) };
}

/**
 * The cart changed during checkout: new lines, coupon and version (totals with the charges
 * known so far; the caller re-quotes when an address is set), and the error that tells the
 * shopper to review again. The step does not change.
 */
export function withCartSnapshot(view: CheckoutView, cart: CartSnapshot, now: string): CheckoutView {
  return {
    ...withCharges(view, cart, view.charges),
    cartVersion: cart.version,
    lines: cart.lines,
    coupon: cart.coupon,
    email: view.email ?? cart.shopper?.email ?? null,
    lastError: cartChangedError(now),
    updatedAt: now,
  };
}

export const cartChangedError = (at: string): CheckoutError => ({
  code: CART_CHANGED_ERROR_CODE,
  message: 'the cart changed during checkout: review the order again and submit with the new cart version',
  at,
});

/** The submit guard beyond the step: the reviewed version, something to order, an email. */
export function submitRefusal(view: CheckoutView, request: SubmitCheckoutRequest): Refusal | null {
  const step = stepRefusal('submit', view.step);
  if (step !== null) return step;
  if (request.cartVersion !== view.cartVersion)
    return {
      type: CheckoutFailure.CartChanged,
      message: `the cart changed (version ${view.cartVersion.toString()}, submitted ${request.cartVersion.toString()}): review the order again`,
    };
  if (view.lines.length === 0)
    return { type: CheckoutFailure.Incomplete, message: 'the cart is empty: nothing to order' };
  if (view.email === null)
    return { type: CheckoutFailure.Incomplete, message: 'an email for the order confirmation is required' };
  if (view.shippingAddress === null || view.paymentMethod === null || view.charges === null)
    return { type: CheckoutFailure.Incomplete, message: 'a shipping address and a payment method are required' };
  return null;
}
