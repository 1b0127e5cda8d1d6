// Workflow-safe root entry of the checkout contract: types, names, message definitions, failure
// types and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CartView } from '../cart/schemas.js';
import type { OrderSagaInput, PlacementDecision } from '../order-saga/schemas.js';
import type {
  CancelCheckoutRequest,
  CartSnapshot,
  ChargesQuote,
  CheckoutView,
  CheckoutWorkflowInput,
  CheckoutWorkflowResult,
  LockCartInput,
  QuoteChargesInput,
  SetPaymentMethodRequest,
  SetShippingAddressRequest,
  SubmitCheckoutRequest,
} from './schemas.js';

export type {
  CancelCheckoutRequest,
  CartSnapshot,
  ChargesQuote,
  CheckoutError,
  CheckoutId,
  CheckoutSettings,
  CheckoutStep,
  CheckoutView,
  CheckoutWorkflowInput,
  CheckoutWorkflowResult,
  LockCartInput,
  QuoteChargesInput,
  SetPaymentMethodRequest,
  SetShippingAddressRequest,
  SubmitCheckoutRequest,
} from './schemas.js';

export const CHECKOUT_TASK_QUEUE = 'checkout';

// ---- workflows -------------------------------------------------------------------------------

/** A child of the cart (parent close policy ABANDON); one live per cart. */
export const CHECKOUT_WORKFLOW = 'checkoutWorkflow';
export type CheckoutWorkflow = (input: CheckoutWorkflowInput) => Promise<CheckoutWorkflowResult>;
export const checkoutWorkflowId = (checkoutId: string): string => `checkout:${checkoutId}`;
/** The n-th order attempt of a checkout (n from 1): the order id is the saga's idempotency key. */
export const checkoutOrderId = (checkoutId: string, attempt: number): string => `${checkoutId}-o${attempt}`;

// ---- messages --------------------------------------------------------------------------------
// Every update answers with the new checkout; its validator checks the current step (the guard).

/** From shipping, payment or review (back-navigation); computes shipping and tax; → payment (or stays at review). */
export const setShippingAddressUpdate: UpdateDefinition<CheckoutView, [SetShippingAddressRequest]> = defineUpdate<CheckoutView, [SetShippingAddressRequest]>('setShippingAddress');
/** From payment or review; → review. */
export const setPaymentMethodUpdate: UpdateDefinition<CheckoutView, [SetPaymentMethodRequest]> = defineUpdate<CheckoutView, [SetPaymentMethodRequest]>('setPaymentMethod');
/**
 * Only from review, with the cart version the shopper reviewed. Locks the cart, hands the order
 * to the order saga and waits for its early answer: accepted → completed; declined → back to
 * payment with the error (the update fails with the decline), cart and holds intact.
 */
export const submitCheckoutUpdate: UpdateDefinition<CheckoutView, [SubmitCheckoutRequest]> = defineUpdate<CheckoutView, [SubmitCheckoutRequest]>('submitCheckout');
/** From any open step (not while submitting); releases the holds, the cart becomes active. */
export const cancelCheckoutUpdate: UpdateDefinition<CheckoutView, [CancelCheckoutRequest]> = defineUpdate<CheckoutView, [CancelCheckoutRequest]>('cancelCheckout');
/** The cart changed during checkout: new lines / totals / version (the shopper must review again). */
export const cartChangedSignal = defineSignal<[CartSnapshot]>('cartChanged');
export const checkoutQuery = defineQuery<CheckoutView>('checkout');

// ---- activities ------------------------------------------------------------------------------

/** Registered by the checkout worker on the `checkout` task queue. */
export interface CheckoutActivities {
  /** Shipping and tax for an address, from the configured flat and per-region rules. */
  quoteCharges(input: QuoteChargesInput): Promise<ChargesQuote>;
  /** Sends lockForCheckout to the cart; fails CartChangedError when the cart moved on. */
  lockCart(input: LockCartInput): Promise<CartView>;
  /**
   * Starts the order saga (update-with-start of placeOrder; idempotent per order id, also when
   * the saga already finished) and returns its early answer.
   */
  placeOrder(input: OrderSagaInput): Promise<PlacementDecision>;
}

// ---- failures --------------------------------------------------------------------------------

/** ApplicationFailure types raised by the checkout's validators, handlers and activities. */
export const CheckoutFailure = {
  /** The update is not allowed from the current step (the step guard). */
  StepNotAllowed: 'CheckoutStepError',
  /** The checkout ended (completed, cancelled, expired, failed). */
  Closed: 'CheckoutClosedError',
  /** Submit with a cart version that is not the current one: review again. */
  CartChanged: 'CheckoutCartChangedError',
  /** Submit without an email for the order confirmation. */
  Incomplete: 'CheckoutIncompleteError',
  /** No shipping rule serves the address's country. */
  ShippingUnavailable: 'ShippingUnavailableError',
  InvalidInput: 'InvalidCheckoutInputError',
} as const;
export type CheckoutFailureType = (typeof CheckoutFailure)[keyof typeof CheckoutFailure];
