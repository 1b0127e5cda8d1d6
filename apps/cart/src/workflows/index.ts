// The cart worker's workflowsPath: every workflow of the `cart` task queue.
export { cartWorkflow } from './cart.js';
export { getCouponWorkflow, upsertCouponWorkflow } from './coupons.js';
