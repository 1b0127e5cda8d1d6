import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CartFailure, lockForCheckoutUpdate, type CartView } from '@commerce/contracts/cart';
import type { LockCartInput } from '@commerce/contracts/checkout';
import { LockCartInputSchema } from '@commerce/contracts/checkout/schemas';
import { requireValidInput, withCheckoutFailures } from './checkout-failure.js';
import { updateRefusal } from './temporal-errors.js';

/**
 * The update id of a checkout's lock at a cart version for one order attempt: a retried activity
 * is the same update (the cart answers it without applying it again), while the next attempt
 * after a decline (the cart was unlocked) is a new lock even at the same version.
 */
export const lockUpdateId = (input: Pick<LockCartInput, 'checkoutId' | 'cartVersion' | 'attempt'>): string =>
  `lock:${input.checkoutId}:${input.cartVersion.toString()}${input.attempt === undefined ? '' : `:o${input.attempt.toString()}`}`;

/**
 * lockCart: the cart's lockForCheckout update at the reviewed version. The cart refuses with
 * CartChangedError (version moved on) or CartCheckoutMismatchError, rethrown non-retryable with
 * the same type; a cart that is gone is CartNotActiveError. Idempotent: the update id is fixed per
 * (checkout, version) and the cart answers a known id without applying it again.
 */
export function makeLockCart(client: Client): (input: LockCartInput) => Promise<CartView> {
  return withCheckoutFailures(async (raw) => {
    const input = requireValidInput(LockCartInputSchema, raw, 'lock cart');
    try {
      return await client.workflow.getHandle(input.cartWorkflowId).executeUpdate(lockForCheckoutUpdate, {
        args: [{ checkoutId: input.checkoutId, cartVersion: input.cartVersion }],
        updateId: lockUpdateId(input),
      });
    } catch (error) {
      const refusal = updateRefusal(error);
      if (refusal !== null) throw refusal;
      if (error instanceof WorkflowNotFoundError)
        throw ApplicationFailure.create({
          type: CartFailure.NotActive,
          message: `the cart ${input.cartWorkflowId} is not running`,
          nonRetryable: true,
        });
      throw error;
    }
  });
}
