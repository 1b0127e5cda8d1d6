import { readFileSync } from 'node:fs';

/** Seed 000's two example orders (test/fixtures), as POST /v1/orders bodies. */
export const ORDER1 = JSON.parse(
  readFileSync(new URL('../fixtures/order1.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { orderId: string };
export const ORDER_HIGH_VALUE = JSON.parse(
  readFileSync(new URL('../fixtures/order-high-value.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { orderId: string };

export const SHIPPING_ADDRESS = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Row',
  city: 'London',
  postalCode: 'NW1 6XE',
  country: 'GB',
};

/** An order body for the fixture catalog: `items` as [sku, quantity] pairs. */
export function orderBody(
  items: [string, number][],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
    items: items.map(([sku, quantity]) => ({ sku, quantity })),
    shippingAddress: SHIPPING_ADDRESS,
    paymentMethod: { type: 'card', token: 'tok_visa' },
    ...overrides,
  };
}
