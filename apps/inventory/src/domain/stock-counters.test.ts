import { describe, expect, it } from 'vitest';
import { applyDeltas, countersFromReservations, invariantViolation, isLowStock, moveUnits } from './stock-counters.js';

const start = { onHand: 10, available: 10, held: 0, confirmed: 0, allocated: 0 };

describe('stock counters', () => {
  it('moves units between buckets without creating or losing any', () => {
    const held = applyDeltas(start, moveUnits('available', 'held', 4));
    expect(held).toEqual({ onHand: 10, available: 6, held: 4, confirmed: 0, allocated: 0 });
    const confirmed = applyDeltas(held, moveUnits('held', 'confirmed', 4));
    const allocated = applyDeltas(confirmed, moveUnits('confirmed', 'allocated', 4));
    const shipped = applyDeltas(allocated, moveUnits('allocated', 'shipped', 4));
    expect(shipped).toEqual({ onHand: 6, available: 6, held: 0, confirmed: 0, allocated: 0 });
    for (const c of [held, confirmed, allocated, shipped]) expect(invariantViolation(c)).toBeNull();
  });

  it('refuses to bring shipped units back', () => {
    expect(() => moveUnits('shipped', 'available', 1)).toThrow(/shipped/);
  });

  it('describes violations', () => {
    expect(invariantViolation({ ...start, available: 9 })).toMatch(/onHand 10 != available 9/);
    expect(invariantViolation({ ...start, available: -1, onHand: -1 })).toMatch(/negative counters: onHand=-1, available=-1/);
  });

  it('recomputes counters from reservations, raising on-hand only when reservations exceed it', () => {
    expect(countersFromReservations(10, { held: 2, confirmed: 1, allocated: 0 })).toEqual({
      onHand: 10,
      available: 7,
      held: 2,
      confirmed: 1,
      allocated: 0,
    });
    expect(countersFromReservations(2, { held: 3, confirmed: 0, allocated: 0 })).toEqual({
      onHand: 3,
      available: 0,
      held: 3,
      confirmed: 0,
      allocated: 0,
    });
  });

  it('flags low stock at or below the threshold', () => {
    expect(isLowStock(5, 5)).toBe(true);
    expect(isLowStock(6, 5)).toBe(false);
  });
});
