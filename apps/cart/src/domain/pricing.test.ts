import { describe, expect, it } from 'vitest';
import { computeTotals, couponApplicability, discountAmount, evaluateCoupon, lineTotal, type CouponRule } from './pricing.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const NOW = Date.parse('2030-06-01T00:00:00.000Z');

describe('pricing', () => {
  it('line total and subtotal in minor units', () => {
    expect(lineTotal({ quantity: 3, unitPrice: usd(1999) })).toEqual(usd(5997));
  });

  it('percentage discounts floor, fixed discounts never exceed the subtotal', () => {
    expect(discountAmount({ type: 'percentage', percent: 15 }, 999)).toBe(149);
    expect(discountAmount({ type: 'percentage', percent: 100 }, 999)).toBe(999);
    expect(discountAmount({ type: 'fixed', amount: usd(500) }, 1200)).toBe(500);
    expect(discountAmount({ type: 'fixed', amount: usd(500) }, 300)).toBe(300);
  });

  it('totals: subtotal − discount + floor(taxable × bps / 10000)', () => {
    const coupon = { code: 'X', description: '', discount: { type: 'percentage' as const, percent: 10 }, applies: true };
    expect(computeTotals([{ quantity: 2, unitPrice: usd(1234) }], 'USD', coupon, 825)).toEqual({
      subtotal: usd(2468),
      discount: usd(246),
      estimatedTax: usd(Math.floor((2222 * 825) / 10000)),
      total: usd(2222 + 183),
    });
    expect(computeTotals([{ quantity: 1, unitPrice: usd(1000) }], 'USD', { ...coupon, applies: false }, 0).discount).toEqual(usd(0));
    expect(computeTotals([], 'USD', null, 1000)).toEqual({ subtotal: usd(0), discount: usd(0), estimatedTax: usd(0), total: usd(0) });
  });

  it('coupon applicability: expiry by the given clock, minimum subtotal, currency', () => {
    const rule: CouponRule = { code: 'C', description: '', discount: { type: 'fixed', amount: usd(500) }, minimumSubtotal: usd(2000), expiresAt: '2030-06-01T00:00:01.000Z' };
    expect(couponApplicability(rule, usd(2000), 'USD', NOW)).toEqual({ applies: true });
    expect(couponApplicability(rule, usd(1999), 'USD', NOW)).toEqual({ applies: false, reason: 'below_minimum_subtotal' });
    expect(couponApplicability(rule, usd(5000), 'USD', NOW + 1000)).toEqual({ applies: false, reason: 'expired' });
    expect(couponApplicability(rule, { amount: 5000, currency: 'EUR' }, 'EUR', NOW)).toEqual({ applies: false, reason: 'currency_mismatch' });
    expect(evaluateCoupon({ code: 'P', description: 'd', discount: { type: 'percentage', percent: 5 } }, usd(0), null, NOW)).toEqual({
      code: 'P',
      description: 'd',
      discount: { type: 'percentage', percent: 5 },
      applies: true,
    });
  });
});
