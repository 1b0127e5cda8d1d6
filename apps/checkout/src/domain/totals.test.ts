import { describe, expect, it } from 'vitest';
import { snapshot, usd } from '../../test/support/fixtures.js';
import { cartWeightGrams, checkoutTotals, merchandiseAmount } from './totals.js';

describe('checkout totals', () => {
  it('are subtotal − discount + shipping + tax in the cart currency', () => {
    const cart = snapshot('cart-0001', 1, { discount: usd(500) });
    const totals = checkoutTotals(cart, { shipping: usd(599), tax: usd(362), shippingRule: 'x', taxRule: 'y' });
    expect(totals).toEqual({
      subtotal: usd(5_500),
      discount: usd(500),
      shipping: usd(599),
      tax: usd(362),
      total: usd(5_500 - 500 + 599 + 362),
    });
  });

  it('have no shipping and tax before an address is quoted', () => {
    const totals = checkoutTotals(snapshot('cart-0001', 1), null);
    expect(totals.shipping).toEqual(usd(0));
    expect(totals.tax).toEqual(usd(0));
    expect(totals.total).toEqual(usd(5_500));
  });

  it('never discount more than the subtotal', () => {
    const cart = snapshot('cart-0001', 1, { discount: usd(9_999) });
    expect(checkoutTotals(cart, null).total).toEqual(usd(0));
    expect(merchandiseAmount(cart)).toBe(0);
    expect(merchandiseAmount(snapshot('cart-0001', 1, { discount: usd(500) }))).toBe(5_000);
  });

  it('weigh every unit of every line', () => {
    expect(cartWeightGrams(snapshot('cart-0001', 1))).toBe(3 * 200);
  });
});
