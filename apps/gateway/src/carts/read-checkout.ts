import { setTimeout as sleep } from 'node:timers/promises';
import { checkoutQuery, checkoutWorkflowId, type CheckoutView } from '@commerce/contracts/checkout';
import { HttpProblem } from '../errors/http-problem.js';
import type { WorkflowRunner } from '../temporal/workflow-runner.js';
import { checkoutLinks, type CheckoutLinks } from './cart-links.js';

export type CheckoutResponse = CheckoutView & { links: CheckoutLinks };

export const checkoutNotFound = (checkoutId: string): HttpProblem =>
  new HttpProblem('checkout_not_found', `No checkout has the id '${checkoutId}'.`);

export const withCheckoutLinks = (workflows: WorkflowRunner, view: CheckoutView): CheckoutResponse => ({
  ...view,
  links: checkoutLinks(workflows, view.checkoutId, view.cartId),
});

/**
 * The checkout through its query. `waitMs`: the checkout was just started (by the cart's
 * beginCheckout) and may not have run its first workflow task yet, which Temporal needs before a
 * query answers — retry until it does.
 */
export async function readCheckout(
  workflows: WorkflowRunner,
  checkoutId: string,
  { waitMs = 0 }: { waitMs?: number } = {},
): Promise<CheckoutResponse> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const view = await workflows.query(checkoutWorkflowId(checkoutId), checkoutQuery);
      if (view) return withCheckoutLinks(workflows, view);
      if (Date.now() >= deadline) throw checkoutNotFound(checkoutId);
    } catch (error) {
      if (error instanceof HttpProblem || Date.now() >= deadline) throw error;
    }
    await sleep(Math.min(100 * 2 ** attempt, 1_000));
  }
}
