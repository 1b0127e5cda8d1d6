import { describe, expect, it } from 'vitest';
import {
  canReach,
  isBeforeShipment,
  isTerminal,
  nextStage,
  stagesTo,
  strategyFor,
} from './supplier-order-lifecycle.js';
import { dropshipTarget } from './dropship-progress.js';

describe('supplier order lifecycle', () => {
  it('walks every stage in order and never skips shipping', () => {
    expect(stagesTo('pending', 'processing')).toEqual(['processing']);
    expect(stagesTo('pending', 'delivered')).toEqual(['processing', 'shipped', 'delivered']);
    expect(stagesTo('processing', 'delivered')).toEqual(['shipped', 'delivered']);
    expect(stagesTo('shipped', 'processing')).toEqual([]);
    expect(stagesTo('delivered', 'delivered')).toEqual([]);
    expect(stagesTo('cancelled', 'shipped')).toEqual([]);
  });

  it('allows rejection only before shipment', () => {
    expect(stagesTo('pending', 'rejected')).toEqual(['rejected']);
    expect(stagesTo('processing', 'rejected')).toEqual(['rejected']);
    expect(canReach('shipped', 'rejected')).toBe(false);
    expect(canReach('rejected', 'rejected')).toBe(false);
    expect(isBeforeShipment('processing')).toBe(true);
    expect(isBeforeShipment('shipped')).toBe(false);
  });

  it('knows the next stage and the terminal statuses', () => {
    expect(nextStage('pending')).toBe('processing');
    expect(nextStage('shipped')).toBe('delivered');
    expect(nextStage('delivered')).toBeUndefined();
    expect(nextStage('rejected')).toBeUndefined();
    expect(['delivered', 'rejected', 'cancelled'].every((s) => isTerminal(s as 'delivered'))).toBe(
      true,
    );
    expect(isTerminal('shipped')).toBe(false);
  });

  it('forces manual fulfillment when the mode says so', () => {
    expect(strategyFor('dropship-api', { mode: 'auto' })).toBe('dropship-api');
    expect(strategyFor('simulated', { mode: 'manual' })).toBe('manual');
  });

  it("maps the dropshipper's statuses (an unrequested cancellation is a rejection)", () => {
    expect(dropshipTarget('received')).toBeUndefined();
    expect(dropshipTarget('shipped')).toBe('shipped');
    expect(dropshipTarget('cancelled')).toBe('rejected');
  });
});
