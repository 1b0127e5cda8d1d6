import { describe, expect, it } from 'vitest';
import { ADDRESS_CA, cartLine, checkoutInput, snapshot, usd } from '../../test/support/fixtures.js';
import { initialCheckoutView, withCharges } from './checkout-view.js';
import { buildOrderInput, confirmationNumber, orderLineTitle } from './order-input.js';

describe('confirmation numbers', () => {
  it('are derived deterministically from the order id: 6-16 chars [A-Z0-9]', () => {
    const a = confirmationNumber('cart-0001-co1-o1');
    expect(a).toMatch(/^[A-Z0-9]{6,16}$/);
    expect(confirmationNumber('cart-0001-co1-o1')).toBe(a);
    expect(confirmationNumber('cart-0001-co1-o2')).not.toBe(a);
    const many = new Set(Array.from({ length: 2_000 }, (_, i) => confirmationNumber(`c-${i.toString()}-co1-o1`)));
    expect(many.size).toBe(2_000);
  });
});

describe('the order input of a submit', () => {
  const input = checkoutInput('cart-0001', 'cart-0001-co2');
  const quoted = withCharges(
    {
      ...initialCheckoutView(input, '2025-01-01T00:00:00.000Z'),
      shippingAddress: ADDRESS_CA,
      paymentMethod: { type: 'card', token: 'tok_visa' },
      step: 'review',
    },
    input.cart,
    { shipping: usd(0), tax: usd(398), shippingRule: 'free', taxRule: 'US-CA 7.25%' },
  );

  it('carries the snapshot lines, the checkout totals, the hold and the shopper', () => {
    const order = buildOrderInput({
      view: quoted,
      cart: input.cart,
      attempt: 2,
      holdId: input.holdId,
      checkoutWorkflowId: 'checkout:cart-0001-co2',
      placedAt: '2025-01-01T00:10:00.000Z',
      settings: input.settings.order,
    });
    expect(order).toMatchObject({
      orderId: 'cart-0001-co2-o2',
      confirmationNumber: confirmationNumber('cart-0001-co2-o2'),
      source: 'checkout',
      customer: { customerId: 'cust-1', email: 'ada@example.com', name: 'Ada Lovelace' },
      totals: { subtotal: usd(5_500), discount: usd(0), shipping: usd(0), tax: usd(398), total: usd(5_898) },
      shippingAddress: ADDRESS_CA,
      paymentMethod: { type: 'card', token: 'tok_visa' },
      holdId: 'cart:cart-0001',
      checkoutWorkflowId: 'checkout:cart-0001-co2',
      placedAt: '2025-01-01T00:10:00.000Z',
      settings: input.settings.order,
    });
    expect(order.lines).toEqual([
      {
        sku: 'TEE-0001-BLK-M',
        quantity: 2,
        unitPrice: usd(1_500),
        title: 'Classic Tee (Black / M)',
        productId: 'prod-0001',
        supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
      },
      expect.objectContaining({ sku: 'MUG-0001-WHT-OS', quantity: 1, title: 'Mug (Black / M)' }),
    ]);
    expect(order).not.toHaveProperty('requestId');
  });

  it('has no customer id for a guest, and refuses an incomplete checkout', () => {
    const guest = snapshot('cart-0001', 3, { shopper: { email: 'guest@example.com' } });
    const order = buildOrderInput({
      view: { ...quoted, email: 'guest@example.com' },
      cart: guest,
      attempt: 1,
      holdId: 'h',
      checkoutWorkflowId: 'w',
      placedAt: '2025-01-01T00:10:00.000Z',
      settings: input.settings.order,
      requestId: 'req-1',
    });
    expect(order.customer).toEqual({ email: 'guest@example.com', name: 'Ada Lovelace' });
    expect(order.requestId).toBe('req-1');
    expect(() =>
      buildOrderInput({ view: { ...quoted, paymentMethod: null }, cart: guest, attempt: 1, holdId: 'h', checkoutWorkflowId: 'w', placedAt: 'x', settings: input.settings.order }),
    ).toThrow(/incomplete/);
  });

  it('cuts titles to the order line limit', () => {
    const long = cartLine('l1', 'TEE-1', 1, 100, 'T'.repeat(250));
    const title = orderLineTitle(long);
    expect(title.length).toBe(200);
    expect(orderLineTitle(cartLine('l1', 'TEE-1', 1, 100, 'Hoodie'))).toBe('Hoodie (Black / M)');
  });
});
