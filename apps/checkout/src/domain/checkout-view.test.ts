import { describe, expect, it } from 'vitest';
import { ADDRESS_CA, checkoutInput, snapshot, usd } from '../../test/support/fixtures.js';
import { CART_CHANGED_ERROR_CODE, initialCheckoutView, submitRefusal, withCartSnapshot, withCharges } from './checkout-view.js';

const input = checkoutInput('cart-0001', 'cart-0001-co1');
const start = initialCheckoutView(input, '2025-01-01T00:00:00.000Z');
const review = withCharges(
  { ...start, step: 'review', shippingAddress: ADDRESS_CA, paymentMethod: { type: 'card', token: 'tok_visa' } },
  input.cart,
  { shipping: usd(599), tax: usd(100), shippingRule: 'a', taxRule: 'b' },
);

describe('the checkout view', () => {
  it('starts at shipping with the cart snapshot, the shopper email and the expiry', () => {
    expect(start).toMatchObject({
      checkoutId: 'cart-0001-co1',
      cartId: 'cart-0001',
      step: 'shipping',
      cartVersion: 3,
      charges: null,
      email: 'ada@example.com',
      shippingAddress: null,
      orderAttempts: [],
      orderId: null,
      expiresAt: '2025-01-01T01:00:00.000Z',
    });
    expect(start.totals.total).toEqual(usd(5_500));
  });

  it('takes a changed cart: new lines and version, totals with the known charges, the error to review again', () => {
    const smaller = snapshot('cart-0001', 4, { lines: [input.cart.lines[0]!], subtotal: usd(3_000) });
    const next = withCartSnapshot(review, smaller, '2025-01-01T00:05:00.000Z');
    expect(next).toMatchObject({ step: 'review', cartVersion: 4, lastError: { code: CART_CHANGED_ERROR_CODE } });
    expect(next.lines).toHaveLength(1);
    expect(next.totals.total).toEqual(usd(3_000 + 599 + 100));
  });

  it('guards submit: step, the reviewed version, lines, email', () => {
    expect(submitRefusal(review, { cartVersion: 3 })).toBeNull();
    expect(submitRefusal({ ...review, step: 'payment' }, { cartVersion: 3 })?.type).toBe('CheckoutStepError');
    expect(submitRefusal(review, { cartVersion: 2 })?.type).toBe('CheckoutCartChangedError');
    expect(submitRefusal({ ...review, lines: [] }, { cartVersion: 3 })?.type).toBe('CheckoutIncompleteError');
    expect(submitRefusal({ ...review, email: null }, { cartVersion: 3 })?.type).toBe('CheckoutIncompleteError');
    expect(submitRefusal({ ...review, step: 'completed' }, { cartVersion: 3 })?.type).toBe('CheckoutClosedError');
  });
});
