import { describe, expect, it } from 'vitest';
import { MAX_CART_LINES as SCHEMA_MAX_LINES, MAX_LINE_QUANTITY as SCHEMA_MAX_QUANTITY } from '@commerce/contracts/cart/schemas';
import { checkAddItem, checkChangeQuantity, checkCouponCode, checkLockForCheckout, checkShopper, MAX_CART_LINES, MAX_LINE_QUANTITY } from './rules.js';

const failureType = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { type: string }).type;
  }
  throw new Error('expected a failure');
};

describe('input rules', () => {
  it('match the contract limits', () => {
    expect(MAX_LINE_QUANTITY).toBe(SCHEMA_MAX_QUANTITY);
    expect(MAX_CART_LINES).toBe(SCHEMA_MAX_LINES);
  });

  it('check add / change / coupon / shopper / lock input', () => {
    expect(checkAddItem({ sku: 'TEE-1', quantity: 2 })).toEqual({ sku: 'TEE-1', quantity: 2 });
    expect(failureType(() => checkAddItem({ sku: 'tee', quantity: 1 }))).toBe('InvalidCartInputError');
    expect(failureType(() => checkAddItem({ sku: 'TEE-1', quantity: 1.5 }))).toBe('InvalidCartInputError');
    expect(failureType(() => checkAddItem({ sku: 'TEE-1', quantity: 1, x: 1 }))).toBe('InvalidCartInputError');
    expect(failureType(() => checkChangeQuantity({ lineId: 'l1', quantity: 0 }))).toBe('InvalidCartInputError');
    expect(failureType(() => checkChangeQuantity({ lineId: 'l1', quantity: 100 }))).toBe('CartQuantityLimitError');
    expect(failureType(() => checkChangeQuantity({ lineId: 'x1', quantity: 1 }))).toBe('InvalidCartInputError');
    expect(checkCouponCode({ code: 'welcome10' })).toBe('WELCOME10');
    expect(failureType(() => checkCouponCode({ code: 'a b' }))).toBe('InvalidCartInputError');
    expect(checkShopper({ email: 'a@b.co', name: 'Ann' })).toEqual({ email: 'a@b.co', name: 'Ann' });
    expect(failureType(() => checkShopper({ email: 'nope' }))).toBe('InvalidCartInputError');
    expect(failureType(() => checkLockForCheckout({ checkoutId: 'x', cartVersion: -1 }))).toBe('InvalidCartInputError');
  });
});
