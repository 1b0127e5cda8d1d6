import { cartWorkflowId } from '@commerce/contracts/cart';
import { checkoutWorkflowId } from '@commerce/contracts/checkout';
import type { WorkflowRunner } from '../temporal/workflow-runner.js';

export const cartPath = (cartId: string): string => `/v1/carts/${encodeURIComponent(cartId)}`;
export const checkoutPath = (checkoutId: string): string =>
  `/v1/checkouts/${encodeURIComponent(checkoutId)}`;

export interface CartLinks {
  self: string;
  items: string;
  checkout?: string;
  temporalUi: string;
}

export interface CheckoutLinks {
  self: string;
  cart: string;
  temporalUi: string;
}

/** The links of a cart response: the cart, where items are added, its live checkout, its workflow. */
export const cartLinks = (
  workflows: WorkflowRunner,
  cartId: string,
  checkoutId?: string | null,
): CartLinks => ({
  self: cartPath(cartId),
  items: `${cartPath(cartId)}/items`,
  ...(checkoutId ? { checkout: checkoutPath(checkoutId) } : {}),
  temporalUi: workflows.uiUrl(cartWorkflowId(cartId)),
});

export const checkoutLinks = (
  workflows: WorkflowRunner,
  checkoutId: string,
  cartId: string,
): CheckoutLinks => ({
  self: checkoutPath(checkoutId),
  cart: cartPath(cartId),
  temporalUi: workflows.uiUrl(checkoutWorkflowId(checkoutId)),
});
