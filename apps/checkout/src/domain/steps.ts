import { CheckoutFailure, type CheckoutStep } from '@commerce/contracts/checkout';

/** What the shopper (or the cart) can ask of a checkout. */
export type CheckoutAction = 'setShippingAddress' | 'setPaymentMethod' | 'submit' | 'cancel';

/** The steps after which a checkout takes no more updates. */
export const FINAL_STEPS: readonly CheckoutStep[] = ['completed', 'cancelled', 'expired', 'failed'];

export const isFinalStep = (step: CheckoutStep): boolean => FINAL_STEPS.includes(step);

/**
 * THE step table: for each action, the steps it is allowed from and the step it leads to
 * (`stay` keeps the current step: back-navigation to the address from payment or review).
 * `submit` leads to `submitting`; where it ends (completed, or back to payment / review) is the
 * submit handler's outcome, not a guard.
 */
export const STEP_TABLE: { readonly [A in CheckoutAction]: { readonly from: readonly CheckoutStep[]; readonly to: { readonly [S in CheckoutStep]?: CheckoutStep } } } = {
  setShippingAddress: { from: ['shipping', 'payment', 'review'], to: { shipping: 'payment', payment: 'payment', review: 'review' } },
  setPaymentMethod: { from: ['payment', 'review'], to: { payment: 'review', review: 'review' } },
  submit: { from: ['review'], to: { review: 'submitting' } },
  cancel: { from: ['shipping', 'payment', 'review'], to: { shipping: 'cancelled', payment: 'cancelled', review: 'cancelled' } },
};

/** A refusal: the ApplicationFailure type (from the contracts) and its message. */
export interface Refusal {
  type: string;
  message: string;
}

/** Why `action` is not allowed at `step` (closed checkout, or the step guard), or null when it is. */
export function stepRefusal(action: CheckoutAction, step: CheckoutStep): Refusal | null {
  if (isFinalStep(step))
    return { type: CheckoutFailure.Closed, message: `the checkout is ${step}: it takes no more changes` };
  const rule = STEP_TABLE[action];
  if (rule.from.includes(step)) return null;
  return {
    type: CheckoutFailure.StepNotAllowed,
    message: `${action} is not allowed at step ${step} (allowed from: ${rule.from.join(', ')})`,
  };
}

/** The step `action` leads to from `step` (call only after stepRefusal answered null). */
export function nextStep(action: CheckoutAction, step: CheckoutStep): CheckoutStep {
  const to = STEP_TABLE[action].to[step];
  if (to === undefined) throw new Error(`no transition for ${action} from ${step}`);
  return to;
}
