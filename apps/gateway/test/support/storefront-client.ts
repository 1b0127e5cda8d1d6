import type { CartView } from '@commerce/contracts/cart';
import type { CheckoutView } from '@commerce/contracts/checkout';
import type { Hold } from '@commerce/contracts/inventory';
import { expect } from 'vitest';
import type { CartLinks, CheckoutLinks } from '../../src/carts/cart-links.js';
import { ADMIN_HEADERS, json, type GatewayHarness } from './gateway-harness.js';
import { SHIPPING_ADDRESS } from './order-bodies.js';

export type CartBody = CartView & { links: CartLinks };
export type CheckoutBody = CheckoutView & { links: CheckoutLinks };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The storefront through the gateway only (inject()), as a shopper's client would drive it. */
export function storefront(gateway: () => GatewayHarness) {
  const send = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    gateway().app.inject({
      method,
      url,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  const ok = async <T>(
    status: number,
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> => {
    const response = await send(method, url, body, headers);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    return json<T>(response);
  };
  return {
    send,
    async newCart(): Promise<string> {
      return (await ok<{ cartId: string }>(201, 'POST', '/v1/carts')).cartId;
    },
    addItem: (cartId: string, sku: string, quantity: number, headers?: Record<string, string>) =>
      ok<CartBody>(200, 'POST', `/v1/carts/${cartId}/items`, { sku, quantity }, headers),
    changeQuantity: (cartId: string, lineId: string, quantity: number) =>
      ok<CartBody>(200, 'PATCH', `/v1/carts/${cartId}/items/${lineId}`, { quantity }),
    applyCoupon: (cartId: string, code: string) =>
      ok<CartBody>(200, 'POST', `/v1/carts/${cartId}/coupon`, { code }),
    cart: (cartId: string) => ok<CartBody>(200, 'GET', `/v1/carts/${cartId}`),
    beginCheckout: (cartId: string) => ok<CheckoutBody>(201, 'POST', `/v1/carts/${cartId}/checkout`, {}),
    checkout: (checkoutId: string) => ok<CheckoutBody>(200, 'GET', `/v1/checkouts/${checkoutId}`),
    setAddress: (checkoutId: string, email = 'ada@example.com') =>
      ok<CheckoutBody>(200, 'PUT', `/v1/checkouts/${checkoutId}/shipping-address`, {
        address: SHIPPING_ADDRESS,
        email,
      }),
    setCard: (checkoutId: string, token: string) =>
      ok<CheckoutBody>(200, 'PUT', `/v1/checkouts/${checkoutId}/payment-method`, {
        paymentMethod: { type: 'card', token },
      }),
    submit: (checkoutId: string, cartVersion: number, headers?: Record<string, string>) =>
      send('POST', `/v1/checkouts/${checkoutId}/submit`, { cartVersion }, headers),
    putCoupon: (code: string, definition: Record<string, unknown>) =>
      ok<Record<string, unknown>>(200, 'PUT', `/v1/admin/coupons/${code}`, definition, ADMIN_HEADERS),
  };
}

/** The hold's lines by SKU: `status:quantity` (e.g. `{ 'E2E-TEE-BLK-M': 'held:2' }`). */
export function holdLines(hold: Hold | null): Record<string, string> {
  return Object.fromEntries((hold?.lines ?? []).map((l) => [l.sku, `${l.status}:${l.quantity}`]));
}
