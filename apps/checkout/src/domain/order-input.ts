import { checkoutOrderId, type CartSnapshot, type CheckoutView } from '@commerce/contracts/checkout';
import type { CartLine } from '@commerce/contracts/cart';
import type { OrderLine } from '@commerce/contracts/common';
import type { OrderSagaInput, OrderSagaSettings } from '@commerce/contracts/order-saga';

const MAX_TITLE = 200;

/** 32-bit FNV-1a of a string, from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The order's short human code: deterministic from the order id (a retried submit, a replay and
 * support all see the same), 14 characters [A-Z0-9] — two 32-bit hashes in upper-case base36.
 */
export function confirmationNumber(orderId: string): string {
  const part = (seed: number) => fnv1a(orderId, seed).toString(36).toUpperCase().padStart(7, '0');
  return `${part(0x811c9dc5)}${part(0x050c5d1f)}`;
}

/** "<title> (<color> / <size>)", cut to the order line's limit. */
export function orderLineTitle(line: Pick<CartLine, 'product'>): string {
  const { title, options } = line.product;
  const full = `${title} (${options.color} / ${options.size})`;
  return full.length <= MAX_TITLE ? full : `${full.slice(0, MAX_TITLE - 1)}…`;
}

export function orderLine(line: CartLine): OrderLine {
  return {
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: { ...line.product.unitPrice },
    title: orderLineTitle(line),
    productId: line.product.productId,
    supplier: { ...line.product.supplier },
  };
}

export interface OrderInputSource {
  view: CheckoutView;
  cart: CartSnapshot;
  /** The n-th order of this checkout (from 1). */
  attempt: number;
  holdId: string;
  checkoutWorkflowId: string;
  /** Workflow time (ISO). */
  placedAt: string;
  settings: OrderSagaSettings;
  requestId?: string | undefined;
}

/**
 * The order saga's input for a submit: the snapshot's lines and the checkout's totals, the
 * checkout's hold to confirm, the shopper. The checkout must be complete (address, payment
 * method, email: the submit guard checks them).
 */
export function buildOrderInput(source: OrderInputSource): OrderSagaInput {
  const { view, cart } = source;
  const address = view.shippingAddress;
  const paymentMethod = view.paymentMethod;
  const email = view.email;
  if (address === null || paymentMethod === null || email === null)
    throw new Error('buildOrderInput: the checkout is incomplete');
  const orderId = checkoutOrderId(view.checkoutId, source.attempt);
  const customerId = cart.shopper?.customerId;
  return {
    orderId,
    confirmationNumber: confirmationNumber(orderId),
    source: 'checkout',
    customer: { ...(customerId === undefined ? {} : { customerId }), email, name: address.name },
    lines: cart.lines.map(orderLine),
    totals: view.totals,
    shippingAddress: address,
    paymentMethod,
    holdId: source.holdId,
    checkoutWorkflowId: source.checkoutWorkflowId,
    placedAt: source.placedAt,
    ...(source.requestId === undefined ? {} : { requestId: source.requestId }),
    settings: source.settings,
  };
}
