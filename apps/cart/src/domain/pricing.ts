import type { AppliedCoupon, CartTotals, CouponDiscount } from '@commerce/contracts/cart';
import type { Money } from '@commerce/contracts/common';

/** The rule of a coupon as the cart keeps it (AppliedCoupon without the evaluation). */
export type CouponRule = Omit<AppliedCoupon, 'applies' | 'reason'>;

/** Why a coupon does not apply to a cart (AppliedCoupon.reason). */
export const COUPON_REASONS = {
  expired: 'expired',
  belowMinimum: 'below_minimum_subtotal',
  currency: 'currency_mismatch',
} as const;
export type CouponReason = (typeof COUPON_REASONS)[keyof typeof COUPON_REASONS];

/** Totals of an empty cart (no currency yet) are zero in this currency. */
export const DEFAULT_CURRENCY = 'USD';

export interface PricedLine {
  quantity: number;
  unitPrice: Money;
}

export const money = (amount: number, currency: string): Money => ({ amount, currency });

export function lineTotal(line: PricedLine): Money {
  return money(line.unitPrice.amount * line.quantity, line.unitPrice.currency);
}

export function subtotalOf(lines: readonly PricedLine[], currency: string): Money {
  return money(lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency);
}

/** The discount of a coupon rule on a subtotal: floor(subtotal × percent / 100), or min(amount, subtotal). */
export function discountAmount(discount: CouponDiscount, subtotal: number): number {
  if (discount.type === 'percentage') return Math.floor((subtotal * discount.percent) / 100);
  return Math.min(discount.amount.amount, subtotal);
}

/**
 * Whether a coupon applies to a cart with this subtotal at `nowMs` (the workflow clock):
 * not after its expiry, the minimum subtotal reached, and every amount of the rule in the cart's
 * currency (an empty cart has no currency yet: only the expiry and the minimum count).
 */
export function couponApplicability(rule: CouponRule, subtotal: Money, cartCurrency: string | null, nowMs: number): { applies: true } | { applies: false; reason: CouponReason } {
  if (rule.expiresAt !== undefined && Date.parse(rule.expiresAt) <= nowMs) return { applies: false, reason: COUPON_REASONS.expired };
  if (cartCurrency !== null) {
    const currencies = [
      ...(rule.discount.type === 'fixed' ? [rule.discount.amount.currency] : []),
      ...(rule.minimumSubtotal === undefined ? [] : [rule.minimumSubtotal.currency]),
    ];
    if (currencies.some((c) => c !== cartCurrency)) return { applies: false, reason: COUPON_REASONS.currency };
  }
  if (rule.minimumSubtotal !== undefined && subtotal.amount < rule.minimumSubtotal.amount) return { applies: false, reason: COUPON_REASONS.belowMinimum };
  return { applies: true };
}

export function evaluateCoupon(rule: CouponRule, subtotal: Money, cartCurrency: string | null, nowMs: number): AppliedCoupon {
  const result = couponApplicability(rule, subtotal, cartCurrency, nowMs);
  return result.applies ? { ...rule, applies: true } : { ...rule, applies: false, reason: result.reason };
}

/**
 * subtotal = Σ unitPrice × quantity; discount from the coupon when it applies; estimatedTax =
 * floor((subtotal − discount) × bps / 10000); total = subtotal − discount + estimatedTax.
 */
export function computeTotals(lines: readonly PricedLine[], currency: string, coupon: AppliedCoupon | null, estimatedTaxRateBps: number): CartTotals {
  const subtotal = subtotalOf(lines, currency);
  const discount = coupon?.applies ? discountAmount(coupon.discount, subtotal.amount) : 0;
  const taxable = subtotal.amount - discount;
  const estimatedTax = Math.floor((taxable * estimatedTaxRateBps) / 10_000);
  return {
    subtotal,
    discount: money(discount, currency),
    estimatedTax: money(estimatedTax, currency),
    total: money(taxable + estimatedTax, currency),
  };
}
