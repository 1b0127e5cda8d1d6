// The cart domain's contribution to the gateway's failure table: which public error code an
// ApplicationFailure type raised by the cart stands for. Pure data, workflow-safe; the gateway's
// error catalogue keeps each code's HTTP status and title.
import type { CartFailureType } from './index.js';

export const CART_FAILURE_CODES = {
  CartNotActiveError: 'cart_not_active',
  CartLockedError: 'cart_locked',
  CartLineNotFoundError: 'cart_line_not_found',
  CartTooManyLinesError: 'cart_too_many_lines',
  CartQuantityLimitError: 'cart_quantity_limit',
  CartCurrencyMismatchError: 'cart_currency_mismatch',
  CartEmptyError: 'cart_empty',
  CouponNotFoundError: 'coupon_not_found',
  CouponNotApplicableError: 'coupon_not_applicable',
  CartChangedError: 'cart_changed',
  CartCheckoutMismatchError: 'cart_checkout_mismatch',
  InvalidCartInputError: 'invalid_cart_input',
} as const satisfies { readonly [T in CartFailureType]?: string };
