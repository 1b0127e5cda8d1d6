import { ApplicationFailure } from '@temporalio/common';
import { CartFailure, type CartFailureType } from '@commerce/contracts/cart';
import type { InventoryFailureType } from '@commerce/contracts/inventory';

// Input rules of the cart (the same limits as the contract's schemas, which workflow code cannot
// import: they are TypeBox values). Pure; the workflow's validators and handlers use them.

/** At most this many units per line (MAX_LINE_QUANTITY of the cart schemas). */
export const MAX_LINE_QUANTITY = 99;
/** At most this many lines per cart (MAX_CART_LINES of the cart schemas). */
export const MAX_CART_LINES = 50;

const SKU = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const LINE_ID = /^l[0-9]{1,6}$/;
const COUPON_CODE = /^[A-Za-z0-9_-]{3,32}$/;
const CUSTOMER_ID = /^[A-Za-z0-9:_.@-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A non-retryable ApplicationFailure of a cart (or inventory) failure type. */
export function cartFailure(type: CartFailureType | InventoryFailureType, message: string, details?: Record<string, unknown>): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
}

const invalid = (message: string): ApplicationFailure => cartFailure(CartFailure.InvalidInput, message);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw invalid(`${what}: unknown field(s) ${extra.join(', ')}`);
}

export function isValidQuantity(quantity: unknown): quantity is number {
  return typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_LINE_QUANTITY;
}

function requireQuantity(quantity: unknown): number {
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
    throw invalid('quantity must be a whole number of at least 1');
  if (quantity > MAX_LINE_QUANTITY)
    throw cartFailure(CartFailure.QuantityLimit, `at most ${MAX_LINE_QUANTITY} units per line`, { limit: MAX_LINE_QUANTITY });
  return quantity;
}

export function checkAddItem(input: unknown): { sku: string; quantity: number } {
  if (!isRecord(input)) throw invalid('addItem: an object { sku, quantity } is required');
  onlyKeys(input, ['sku', 'quantity'], 'addItem');
  if (typeof input.sku !== 'string' || !SKU.test(input.sku)) throw invalid('addItem: sku is malformed');
  return { sku: input.sku, quantity: requireQuantity(input.quantity) };
}

export function checkChangeQuantity(input: unknown): { lineId: string; quantity: number } {
  if (!isRecord(input)) throw invalid('changeQuantity: an object { lineId, quantity } is required');
  onlyKeys(input, ['lineId', 'quantity'], 'changeQuantity');
  if (typeof input.lineId !== 'string' || !LINE_ID.test(input.lineId)) throw invalid('changeQuantity: lineId is malformed');
  return { lineId: input.lineId, quantity: requireQuantity(input.quantity) };
}

export function checkRemoveItem(input: unknown): { lineId: string } {
  if (!isRecord(input)) throw invalid('removeItem: an object { lineId } is required');
  onlyKeys(input, ['lineId'], 'removeItem');
  if (typeof input.lineId !== 'string' || !LINE_ID.test(input.lineId)) throw invalid('removeItem: lineId is malformed');
  return { lineId: input.lineId };
}

/** The coupon code as stored (upper-case), or InvalidCartInputError. */
export function checkCouponCode(input: unknown): string {
  if (!isRecord(input)) throw invalid('applyCoupon: an object { code } is required');
  onlyKeys(input, ['code'], 'applyCoupon');
  if (typeof input.code !== 'string' || !COUPON_CODE.test(input.code)) throw invalid('applyCoupon: the coupon code is malformed');
  return input.code.toUpperCase();
}

export function checkShopper(input: unknown): { customerId?: string; email: string; name?: string } {
  if (!isRecord(input)) throw invalid('attachShopper: an object { email, customerId?, name? } is required');
  onlyKeys(input, ['customerId', 'email', 'name'], 'attachShopper');
  const { customerId, email, name } = input;
  if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) throw invalid('attachShopper: email is malformed');
  if (customerId !== undefined && (typeof customerId !== 'string' || customerId.length > 100 || !CUSTOMER_ID.test(customerId)))
    throw invalid('attachShopper: customerId is malformed');
  if (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 120)) throw invalid('attachShopper: name is malformed');
  return { ...(customerId === undefined ? {} : { customerId }), email, ...(name === undefined ? {} : { name }) };
}

export function checkBeginCheckout(input: unknown): void {
  if (input === undefined) return;
  if (!isRecord(input)) throw invalid('beginCheckout: an object is required');
  onlyKeys(input, ['shippingAddress'], 'beginCheckout');
  if (input.shippingAddress !== undefined && !isRecord(input.shippingAddress)) throw invalid('beginCheckout: shippingAddress must be an object');
}

export function checkLockForCheckout(input: unknown): { checkoutId: string; cartVersion: number } {
  if (!isRecord(input)) throw invalid('lockForCheckout: an object { checkoutId, cartVersion } is required');
  onlyKeys(input, ['checkoutId', 'cartVersion'], 'lockForCheckout');
  const { checkoutId, cartVersion } = input;
  if (typeof checkoutId !== 'string' || checkoutId.length < 1 || checkoutId.length > 200) throw invalid('lockForCheckout: checkoutId is malformed');
  if (typeof cartVersion !== 'number' || !Number.isInteger(cartVersion) || cartVersion < 0) throw invalid('lockForCheckout: cartVersion is malformed');
  return { checkoutId, cartVersion };
}
