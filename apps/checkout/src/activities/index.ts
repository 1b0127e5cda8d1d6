import { QuoteChargesInputSchema } from '@commerce/contracts/checkout/schemas';
import type { CheckoutActivities, QuoteChargesInput } from '@commerce/contracts/checkout';
import type { Client } from '@temporalio/client';
import type { ChargesRules } from '../config.js';
import { quoteCharges } from '../domain/charges.js';
import { requireValidInput, withCheckoutFailures } from './checkout-failure.js';
import { makeLockCart } from './lock-cart.js';
import { makePlaceOrder } from './place-order.js';

/** Everything the checkout worker's activities need; the worker builds it from config. */
export interface CheckoutActivityDeps {
  /** Shipping and tax rules (config.ts: defaults or CHECKOUT_RULES). */
  rules: ChargesRules;
  /** A client of the worker's namespace: the cart's lock update and the order saga's update-with-start. */
  client: Client;
}

/**
 * The checkout's activities on the `checkout` task queue. quoteCharges is the pure rules;
 * lockCart and placeOrder talk to the cart and the order saga through Temporal, each idempotent
 * under retries (fixed update ids; the saga's id is the order id).
 */
export function createCheckoutActivities(deps: CheckoutActivityDeps) {
  const { rules, client } = deps;
  return {
    quoteCharges: withCheckoutFailures((input: QuoteChargesInput) =>
      Promise.resolve(quoteCharges(rules, requireValidInput(QuoteChargesInputSchema, input, 'charges quote'))),
    ),
    lockCart: makeLockCart(client),
    placeOrder: makePlaceOrder(client),
  } satisfies CheckoutActivities;
}
