import { Type } from '@sinclair/typebox';
import { CartFailure, type CartActivities } from '@commerce/contracts/cart';
import { CouponCodeSchema, UpsertCouponInputSchema } from '@commerce/contracts/cart/schemas';
import type { CouponStore } from '../ports/coupon-store.js';
import { CartError, requireValid, withCartFailures } from './cart-error.js';

export interface CartActivityDeps {
  coupons: CouponStore;
  /** The clock of coupon writes (tests pin it). */
  now?: () => Date;
}

const GetCouponInputSchema = Type.Object({ code: CouponCodeSchema }, { additionalProperties: false });

/**
 * The activities the cart worker registers on the `cart` queue: the coupon store. Inputs are
 * checked against the contract schemas (InvalidCartInputError, non-retryable).
 */
export function createCartActivities(deps: CartActivityDeps) {
  const { coupons, now = () => new Date() } = deps;
  return {
    getCoupon: withCartFailures(async (input) => coupons.get(requireValid(GetCouponInputSchema, input, 'coupon lookup').code)),
    upsertCoupon: withCartFailures(async (input) => {
      const { code, definition, actor } = requireValid(UpsertCouponInputSchema, input, 'coupon');
      const { discount, minimumSubtotal } = definition;
      if (discount.type === 'fixed' && minimumSubtotal !== undefined && minimumSubtotal.currency !== discount.amount.currency)
        throw new CartError(CartFailure.InvalidInput, 'invalid coupon: the minimum subtotal and the fixed amount must be in one currency');
      return coupons.upsert({ code: code.toUpperCase(), definition, actor, at: now().toISOString() });
    }),
  } satisfies CartActivities;
}
