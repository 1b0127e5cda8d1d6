import { proxyActivities } from '@temporalio/workflow';
import { CartFailure, type CartActivities, type Coupon, type UpsertCouponInput } from '@commerce/contracts/cart';
import { rethrowTyped } from './failures.js';

const coupons = proxyActivities<CartActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 10 },
});

const COUPON_FAILURES = Object.values(CartFailure);

/** Admin: create or replace a coupon (the coupon store's activity on the cart queue). */
export async function upsertCouponWorkflow(input: UpsertCouponInput): Promise<Coupon> {
  try {
    return await coupons.upsertCoupon(input);
  } catch (error) {
    rethrowTyped(error, COUPON_FAILURES);
  }
}

/** Admin: the coupon with this code, or null. */
export async function getCouponWorkflow(input: { code: string }): Promise<Coupon | null> {
  try {
    return await coupons.getCoupon(input);
  } catch (error) {
    rethrowTyped(error, COUPON_FAILURES);
  }
}
