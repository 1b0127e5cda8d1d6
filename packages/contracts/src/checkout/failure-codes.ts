// The checkout domain's contribution to the gateway's failure table: which public error code an
// ApplicationFailure type raised by the checkout stands for. Pure data, workflow-safe; the
// gateway's error catalogue keeps each code's HTTP status and title. A declined payment keeps the
// order saga's type (PaymentDeclinedError → payment_declined).
import type { CheckoutFailureType } from './index.js';

export const CHECKOUT_FAILURE_CODES = {
  CheckoutStepError: 'checkout_step_not_allowed',
  CheckoutClosedError: 'checkout_closed',
  CheckoutCartChangedError: 'checkout_cart_changed',
  CheckoutIncompleteError: 'checkout_incomplete',
  ShippingUnavailableError: 'shipping_unavailable',
  InvalidCheckoutInputError: 'invalid_checkout_input',
} as const satisfies { readonly [T in CheckoutFailureType]?: string };
