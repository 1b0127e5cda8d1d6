import { describe, expect, it } from 'vitest';
import { nextDeadline, renewAfterMs } from './hold-timing.js';
import { findRecentUpdate, rememberUpdate } from './recent-updates.js';

const S = { holdTtlSeconds: 900, holdKeepAliveMs: 3_600_000, idleTimeoutMs: 30 * 86_400_000 };

describe('hold timing', () => {
  it('renews at 2/3 of the TTL', () => {
    expect(renewAfterMs(900)).toBe(600_000);
    expect(renewAfterMs(3)).toBe(2_000);
  });

  it('renews while active, releases when the keep-alive lapses, abandons when idle, nothing while a checkout is live', () => {
    const base = { nowMs: 0, lastActivityMs: 0, lastHoldMs: 0, anyHeld: true, checkoutLive: false };
    expect(nextDeadline(S, base)).toEqual({ action: 'renew', atMs: 600_000 });
    expect(nextDeadline(S, { ...base, lastHoldMs: 3_100_000, nowMs: 3_100_000 })).toEqual({ action: 'release', atMs: 3_600_000 });
    expect(nextDeadline(S, { ...base, lastHoldMs: null, nowMs: 50 })).toEqual({ action: 'renew', atMs: 50 });
    expect(nextDeadline(S, { ...base, anyHeld: false })).toEqual({ action: 'abandon', atMs: S.idleTimeoutMs });
    expect(nextDeadline(S, { ...base, checkoutLive: true })).toBeNull();
  });
});

describe('recent update ids', () => {
  it('remembers the newest ids, at most max', () => {
    let ring = rememberUpdate([], 'a', 1, 2);
    ring = rememberUpdate(ring, 'b', 2, 2);
    ring = rememberUpdate(ring, 'c', 3, 2);
    expect(ring).toEqual([
      { id: 'b', version: 2 },
      { id: 'c', version: 3 },
    ]);
    expect(findRecentUpdate(ring, 'a')).toBeUndefined();
    expect(findRecentUpdate(ring, 'c')).toEqual({ id: 'c', version: 3 });
    expect(findRecentUpdate(ring, undefined)).toBeUndefined();
  });
});
