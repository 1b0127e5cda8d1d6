import { describe, expect, it } from 'vitest';
import type { CheckoutStep } from '@commerce/contracts/checkout';
import { nextStep, STEP_TABLE, stepRefusal, type CheckoutAction } from './steps.js';

const ALL: CheckoutStep[] = ['shipping', 'payment', 'review', 'submitting', 'completed', 'cancelled', 'expired', 'failed'];
const OPEN: CheckoutStep[] = ['shipping', 'payment', 'review', 'submitting'];

describe('the step table', () => {
  it.each<[CheckoutAction, CheckoutStep[]]>([
    ['setShippingAddress', ['shipping', 'payment', 'review']],
    ['setPaymentMethod', ['payment', 'review']],
    ['submit', ['review']],
    ['cancel', ['shipping', 'payment', 'review']],
  ])('%s is allowed exactly from %j', (action, allowed) => {
    for (const step of OPEN) {
      const refusal = stepRefusal(action, step);
      if (allowed.includes(step)) expect(refusal).toBeNull();
      else expect(refusal?.type).toBe('CheckoutStepError');
    }
  });

  it('refuses every action of an ended checkout as closed', () => {
    for (const step of ['completed', 'cancelled', 'expired', 'failed'] as const)
      for (const action of Object.keys(STEP_TABLE) as CheckoutAction[])
        expect(stepRefusal(action, step)).toMatchObject({ type: 'CheckoutClosedError' });
  });

  it('moves forward and keeps the step on back-navigation', () => {
    expect(nextStep('setShippingAddress', 'shipping')).toBe('payment');
    expect(nextStep('setShippingAddress', 'payment')).toBe('payment');
    expect(nextStep('setShippingAddress', 'review')).toBe('review');
    expect(nextStep('setPaymentMethod', 'payment')).toBe('review');
    expect(nextStep('setPaymentMethod', 'review')).toBe('review');
    expect(nextStep('submit', 'review')).toBe('submitting');
    expect(nextStep('cancel', 'payment')).toBe('cancelled');
  });

  it('has a target for every allowed step and none elsewhere', () => {
    for (const [action, rule] of Object.entries(STEP_TABLE))
      for (const step of ALL)
        expect(rule.to[step] !== undefined, `${action} from ${step}`).toBe(rule.from.includes(step));
    expect(() => nextStep('submit', 'payment')).toThrow(/no transition/);
  });
});
