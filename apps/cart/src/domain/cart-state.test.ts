import { describe, expect, it } from 'vitest';
import type { CartView } from '@commerce/contracts/cart';
import type { SkuDescription } from '@commerce/contracts/inventory';
import { cartSnapshot, newCartCarryOver, planAddItem, refreshView, withLine } from './cart-state.js';
import { MAX_CART_LINES } from './rules.js';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const SETTINGS = { idleTimeoutMs: 1000, estimatedTaxRateBps: 1000 };
const product = (sku: string, amount: number, currency = 'USD') =>
  ({
    sku,
    productId: 'p-1',
    handle: 'h',
    title: 'T',
    options: {},
    image: null,
    unitPrice: { amount, currency },
    weightGrams: 1,
    supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
  }) as unknown as SkuDescription;

const empty = (): CartView => newCartCarryOver('cart_123456', 'cart:cart_123456', NOW, SETTINGS).view;
const failureType = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { type: string }).type;
  }
  throw new Error('expected a failure');
};

describe('cart lines and view', () => {
  it('a new SKU is a new line l<n>; the same SKU merges into its line', () => {
    let view = empty();
    const first = planAddItem(view, product('A-1', 100), 2, 1, NOW);
    expect(first).toMatchObject({ isNew: true, line: { lineId: 'l1', quantity: 2, stockHeld: false, lineTotal: { amount: 200 } } });
    view = { ...view, lines: withLine(view.lines, first.line) };
    const merged = planAddItem(view, product('A-1', 999), 3, 2, NOW);
    expect(merged).toMatchObject({ isNew: false, line: { lineId: 'l1', quantity: 5, lineTotal: { amount: 500 } } });
  });

  it('refuses over 99 per line, the 51st line and another currency', () => {
    let view = empty();
    view = { ...view, lines: [planAddItem(view, product('A-1', 100), 98, 1, NOW).line] };
    expect(failureType(() => planAddItem(view, product('A-1', 100), 2, 2, NOW))).toBe('CartQuantityLimitError');
    expect(failureType(() => planAddItem(view, product('B-1', 100, 'EUR'), 1, 2, NOW))).toBe('CartCurrencyMismatchError');
    for (let i = 2; i <= MAX_CART_LINES; i += 1) view = { ...view, lines: [...view.lines, planAddItem(view, product(`S-${i}`, 1), 1, i, NOW).line] };
    expect(failureType(() => planAddItem(view, product('Z-1', 1), 1, 99, NOW))).toBe('CartTooManyLinesError');
  });

  it('refreshView derives currency, totals, the coupon evaluation and the idle expiry', () => {
    let view = empty();
    view = { ...view, lines: [planAddItem(view, product('A-1', 1000), 2, 1, NOW).line] };
    view = { ...view, coupon: { code: 'M', description: '', discount: { type: 'percentage', percent: 10 }, minimumSubtotal: { amount: 3000, currency: 'USD' }, applies: true } };
    const refreshed = refreshView(view, SETTINGS, NOW, NOW - 500);
    expect(refreshed.currency).toBe('USD');
    expect(refreshed.coupon).toMatchObject({ applies: false, reason: 'below_minimum_subtotal' });
    expect(refreshed.totals.total).toEqual({ amount: 2200, currency: 'USD' });
    expect(refreshed.idleExpiresAt).toBe(new Date(NOW + 500).toISOString());
    expect(cartSnapshot(refreshed)).toMatchObject({ cartId: 'cart_123456', currency: 'USD', subtotal: { amount: 2000 }, discount: { amount: 0 } });
  });
});
