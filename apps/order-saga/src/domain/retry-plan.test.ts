import { describe, expect, it } from 'vitest';
import { attemptsLeft, backoffMs, type RetryPlan } from './retry-plan.js';

const payment: RetryPlan = {
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 30_000,
  maximumAttempts: 5,
};

describe('retry plan', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(payment, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('stops after the maximum attempts, or never without one', () => {
    expect(attemptsLeft(payment, 4)).toBe(true);
    expect(attemptsLeft(payment, 5)).toBe(false);
    expect(attemptsLeft({ ...payment, maximumAttempts: undefined }, 10_000)).toBe(true);
  });
});
