import { describe, expect, it } from 'vitest';
import type { HoldStatus } from '@commerce/contracts/inventory';
import { addSeconds, isPastExpiry, planHoldTransition, planRehold, type HoldAction } from './hold-transitions.js';

const kind = (status: HoldStatus, action: HoldAction) => planHoldTransition(status, action).kind;

describe('hold transitions', () => {
  it('follows held → confirmed → allocated → fulfilled', () => {
    expect(planHoldTransition('held', 'confirm')).toEqual({ kind: 'apply', from: 'held', to: 'confirmed' });
    expect(planHoldTransition('confirmed', 'allocate')).toEqual({ kind: 'apply', from: 'confirmed', to: 'allocated' });
    expect(planHoldTransition('allocated', 'fulfill')).toEqual({ kind: 'apply', from: 'allocated', to: 'fulfilled' });
  });

  it('releases from every reserving status, expires only held lines', () => {
    for (const status of ['held', 'confirmed', 'allocated'] as const) expect(kind(status, 'release')).toBe('apply');
    expect(kind('held', 'expire')).toBe('apply');
    expect(kind('confirmed', 'expire')).toBe('invalid');
    expect(kind('allocated', 'expire')).toBe('invalid');
  });

  it('treats a transition the line already went through as a no-op', () => {
    expect(kind('confirmed', 'confirm')).toBe('noop');
    expect(kind('allocated', 'confirm')).toBe('noop');
    expect(kind('fulfilled', 'confirm')).toBe('noop');
    expect(kind('fulfilled', 'allocate')).toBe('noop');
    expect(kind('fulfilled', 'fulfill')).toBe('noop');
    expect(kind('released', 'release')).toBe('noop');
    expect(kind('expired', 'release')).toBe('noop');
  });

  it('refuses impossible transitions and names expiry', () => {
    expect(kind('held', 'allocate')).toBe('invalid');
    expect(kind('held', 'fulfill')).toBe('invalid');
    expect(kind('confirmed', 'fulfill')).toBe('invalid');
    expect(kind('released', 'confirm')).toBe('invalid');
    expect(kind('fulfilled', 'release')).toBe('invalid');
    expect(kind('expired', 'confirm')).toBe('expired');
    const invalid = planHoldTransition('fulfilled', 'release');
    expect(invalid.kind === 'invalid' && invalid.reason).toMatch(/release a line that is fulfilled/);
  });

  it('reopens confirmed lines only; held is a retry, expired names expiry, the rest is invalid', () => {
    expect(planHoldTransition('confirmed', 'reopen')).toEqual({ kind: 'apply', from: 'confirmed', to: 'held' });
    expect(kind('held', 'reopen')).toBe('noop');
    expect(kind('expired', 'reopen')).toBe('expired');
    for (const status of ['released', 'allocated', 'fulfilled'] as const) expect(kind(status, 'reopen')).toBe('invalid');
  });

  it('plans holding again with set semantics', () => {
    expect(planRehold(undefined, 3)).toEqual({ kind: 'set', currentlyHeld: 0 });
    expect(planRehold({ status: 'held', quantity: 3 }, 3)).toEqual({ kind: 'noop' });
    expect(planRehold({ status: 'held', quantity: 3 }, 5)).toEqual({ kind: 'set', currentlyHeld: 3 });
    expect(planRehold({ status: 'released', quantity: 3 }, 2)).toEqual({ kind: 'set', currentlyHeld: 0 });
    expect(planRehold({ status: 'expired', quantity: 3 }, 3)).toEqual({ kind: 'set', currentlyHeld: 0 });
    expect(planRehold({ status: 'confirmed', quantity: 3 }, 3)).toEqual({ kind: 'noop' });
    expect(planRehold({ status: 'confirmed', quantity: 3 }, 4).kind).toBe('invalid');
  });

  it('compares expiry with the clock', () => {
    const t0 = '2030-01-01T00:00:00.000Z';
    expect(addSeconds(t0, 90)).toBe('2030-01-01T00:01:30.000Z');
    expect(isPastExpiry(t0, t0)).toBe(true);
    expect(isPastExpiry(addSeconds(t0, 1), t0)).toBe(false);
  });
});
