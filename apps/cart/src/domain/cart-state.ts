import type { CartCarryOver, CartLine, CartSettings, CartView, CheckoutSnapshotLike } from './types.js';
import { CartFailure } from '@commerce/contracts/cart';
import type { SkuDescription } from '@commerce/contracts/inventory';
import { computeTotals, DEFAULT_CURRENCY, evaluateCoupon, lineTotal, subtotalOf, type CouponRule } from './pricing.js';
import { cartFailure, MAX_CART_LINES, MAX_LINE_QUANTITY } from './rules.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The state of a brand-new cart (first run, nothing carried). */
export function newCartCarryOver(cartId: string, holdId: string, nowMs: number, settings: Pick<CartSettings, 'idleTimeoutMs'>): CartCarryOver {
  const now = iso(nowMs);
  return {
    view: {
      cartId,
      status: 'active',
      version: 0,
      currency: null,
      lines: [],
      coupon: null,
      totals: computeTotals([], DEFAULT_CURRENCY, null, 0),
      shopper: null,
      checkout: null,
      orderId: null,
      holdId,
      createdAt: now,
      updatedAt: now,
      idleExpiresAt: iso(nowMs + settings.idleTimeoutMs),
    },
    recentUpdates: [],
    nextLineNumber: 1,
    nextCheckoutNumber: 1,
    lastActivityAt: now,
    runs: 1,
  };
}

/**
 * The view with every derived field computed again from lines, coupon rule and the clock:
 * currency (the lines'), line totals, the coupon's applicability, totals, idle expiry.
 */
export function refreshView(view: CartView, settings: Pick<CartSettings, 'estimatedTaxRateBps' | 'idleTimeoutMs'>, nowMs: number, lastActivityMs: number): CartView {
  const currency = view.lines[0]?.product.unitPrice.currency ?? null;
  const lines = view.lines.map((l) => ({ ...l, lineTotal: lineTotal({ quantity: l.quantity, unitPrice: l.product.unitPrice }) }));
  const priced = lines.map((l) => ({ quantity: l.quantity, unitPrice: l.product.unitPrice }));
  const totalsCurrency = currency ?? view.totals.subtotal.currency ?? DEFAULT_CURRENCY;
  const coupon = view.coupon === null ? null : evaluateCoupon(couponRule(view.coupon), subtotalOf(priced, totalsCurrency), currency, nowMs);
  return {
    ...view,
    currency,
    lines,
    coupon,
    totals: computeTotals(priced, totalsCurrency, coupon, settings.estimatedTaxRateBps),
    idleExpiresAt: iso(lastActivityMs + settings.idleTimeoutMs),
  };
}

export function couponRule(coupon: CouponRule & { applies?: boolean; reason?: string }): CouponRule {
  return {
    code: coupon.code,
    description: coupon.description,
    discount: coupon.discount,
    ...(coupon.minimumSubtotal === undefined ? {} : { minimumSubtotal: coupon.minimumSubtotal }),
    ...(coupon.expiresAt === undefined ? {} : { expiresAt: coupon.expiresAt }),
  };
}

export function findLine(view: CartView, lineId: string): CartLine | undefined {
  return view.lines.find((l) => l.lineId === lineId);
}

/** Validator check of an add-item against the cart as it is (limits; the currency needs the SKU's price). */
export function checkAddItemFits(view: CartView, sku: string, quantity: number): void {
  const existing = view.lines.find((l) => l.sku === sku);
  if (existing !== undefined) {
    if (existing.quantity + quantity > MAX_LINE_QUANTITY)
      throw cartFailure(CartFailure.QuantityLimit, `line ${existing.lineId} would have ${existing.quantity + quantity} units; at most ${MAX_LINE_QUANTITY}`, {
        lineId: existing.lineId,
        limit: MAX_LINE_QUANTITY,
      });
    return;
  }
  if (view.lines.length >= MAX_CART_LINES)
    throw cartFailure(CartFailure.TooManyLines, `a cart has at most ${MAX_CART_LINES} lines`, { limit: MAX_CART_LINES });
}

export function requireLine(view: CartView, lineId: string): CartLine {
  const line = findLine(view, lineId);
  if (line === undefined) throw cartFailure(CartFailure.LineNotFound, `the cart has no line ${lineId}`, { lineId });
  return line;
}

export interface AddItemPlan {
  /** The line after the change (a new line, or the existing one with the merged quantity). */
  line: CartLine;
  isNew: boolean;
}

/**
 * Adding `quantity` of a described SKU: merges into the SKU's line, or a new line `l<n>`.
 * Refuses another currency than the cart's and the line / quantity limits.
 */
export function planAddItem(view: CartView, product: SkuDescription, quantity: number, lineNumber: number, nowMs: number): AddItemPlan {
  checkAddItemFits(view, product.sku, quantity);
  const currency = view.lines[0]?.product.unitPrice.currency;
  if (currency !== undefined && product.unitPrice.currency !== currency)
    throw cartFailure(CartFailure.CurrencyMismatch, `${product.sku} is priced in ${product.unitPrice.currency}; the cart is in ${currency}`, {
      sku: product.sku,
      currency,
    });
  const existing = view.lines.find((l) => l.sku === product.sku);
  if (existing !== undefined) {
    const merged = existing.quantity + quantity;
    return { isNew: false, line: { ...existing, quantity: merged, lineTotal: lineTotal({ quantity: merged, unitPrice: existing.product.unitPrice }) } };
  }
  return {
    isNew: true,
    line: {
      lineId: `l${lineNumber}`,
      sku: product.sku,
      quantity,
      product,
      lineTotal: lineTotal({ quantity, unitPrice: product.unitPrice }),
      stockHeld: false,
      addedAt: iso(nowMs),
    },
  };
}

/** The lines with `line` replacing the line of the same id (or appended). */
export function withLine(lines: readonly CartLine[], line: CartLine): CartLine[] {
  return lines.some((l) => l.lineId === line.lineId) ? lines.map((l) => (l.lineId === line.lineId ? line : l)) : [...lines, line];
}

/** What the checkout sees of the cart (its lines may be empty during a checkout: the checkout refuses to submit then). */
export function cartSnapshot(view: CartView): CheckoutSnapshotLike {
  const currency = view.currency ?? view.totals.subtotal.currency;
  return {
    cartId: view.cartId,
    version: view.version,
    currency,
    lines: view.lines,
    coupon: view.coupon,
    subtotal: view.totals.subtotal,
    discount: view.totals.discount,
    shopper: view.shopper,
  };
}
