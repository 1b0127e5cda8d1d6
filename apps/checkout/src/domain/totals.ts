import type { CartSnapshot, ChargesQuote } from '@commerce/contracts/checkout';
import type { Money, OrderTotals } from '@commerce/contracts/common';

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** Subtotal − discount: what shipping thresholds and tax apply to. The discount never exceeds the subtotal. */
export function merchandiseAmount(cart: Pick<CartSnapshot, 'subtotal' | 'discount'>): number {
  return Math.max(0, cart.subtotal.amount - Math.min(cart.discount.amount, cart.subtotal.amount));
}

/** Grams of all lines (for weight-based shipping rules). */
export const cartWeightGrams = (cart: Pick<CartSnapshot, 'lines'>): number =>
  cart.lines.reduce((sum, line) => sum + line.product.weightGrams * line.quantity, 0);

/**
 * The checkout's totals, all in the cart's currency: subtotal − discount + shipping + tax, with
 * the cart's subtotal and discount (the cart prices lines and coupon) and the quoted charges
 * (0 until an address is set).
 */
export function checkoutTotals(
  cart: Pick<CartSnapshot, 'currency' | 'subtotal' | 'discount'>,
  charges: ChargesQuote | null,
): OrderTotals {
  const { currency } = cart;
  const subtotal = cart.subtotal.amount;
  const discount = Math.min(cart.discount.amount, subtotal);
  const shipping = charges?.shipping.amount ?? 0;
  const tax = charges?.tax.amount ?? 0;
  return {
    subtotal: money(subtotal, currency),
    discount: money(discount, currency),
    shipping: money(shipping, currency),
    tax: money(tax, currency),
    total: money(subtotal - discount + shipping + tax, currency),
  };
}
