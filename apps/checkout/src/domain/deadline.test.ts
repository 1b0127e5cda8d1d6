import { describe, expect, it } from 'vitest';
import { expiresAt, holdTtlSeconds, MAX_HOLD_TTL_SECONDS } from './deadline.js';

describe('deadline math', () => {
  it('expires the checkout timeoutMs after its last activity', () => {
    expect(expiresAt('2025-01-01T00:00:00.000Z', 3_600_000)).toBe('2025-01-01T01:00:00.000Z');
    expect(expiresAt('2025-01-01T00:59:59.500Z', 1_000)).toBe('2025-01-01T01:00:00.500Z');
  });

  it('holds the stock for the remaining lifetime plus the margin, rounded up, capped', () => {
    expect(holdTtlSeconds({ timeoutMs: 3_600_000, holdMarginSeconds: 300 })).toBe(3_900);
    expect(holdTtlSeconds({ timeoutMs: 1_500, holdMarginSeconds: 0 })).toBe(2);
    expect(holdTtlSeconds({ timeoutMs: 1, holdMarginSeconds: 0 })).toBe(1);
    expect(holdTtlSeconds({ timeoutMs: 60 * 86_400_000, holdMarginSeconds: 300 })).toBe(MAX_HOLD_TTL_SECONDS);
  });
});
