import type { HoldStatus, StockLevel, StockMovement } from '@commerce/contracts/inventory';

/** The five counters of one SKU. Invariant: onHand = available + held + confirmed + allocated. */
export type StockCounters = Pick<StockLevel, 'onHand' | 'available' | 'held' | 'confirmed' | 'allocated'>;

/** The counter deltas of one movement, as the journal records them. */
export type CounterDeltas = Pick<
  StockMovement,
  'onHandDelta' | 'availableDelta' | 'heldDelta' | 'confirmedDelta' | 'allocatedDelta'
>;

/**
 * Where the units of a hold line sit: reserved in one of the three counters, back in `available`
 * (released / expired, or not yet held), or `shipped` (fulfilled: they left on-hand).
 */
export type UnitBucket = 'available' | 'held' | 'confirmed' | 'allocated' | 'shipped';

export const ZERO_DELTAS: CounterDeltas = {
  onHandDelta: 0,
  availableDelta: 0,
  heldDelta: 0,
  confirmedDelta: 0,
  allocatedDelta: 0,
};

const BUCKET_OF_STATUS: Record<HoldStatus, UnitBucket> = {
  held: 'held',
  confirmed: 'confirmed',
  allocated: 'allocated',
  fulfilled: 'shipped',
  released: 'available',
  expired: 'available',
};

/** The bucket of a line in this status; a line that does not exist yet has its units in `available`. */
export const bucketOf = (status: HoldStatus | null): UnitBucket => (status === null ? 'available' : BUCKET_OF_STATUS[status]);

const DELTA_KEY: Record<Exclude<UnitBucket, 'shipped'>, keyof CounterDeltas> = {
  available: 'availableDelta',
  held: 'heldDelta',
  confirmed: 'confirmedDelta',
  allocated: 'allocatedDelta',
};

/** Moving `quantity` units from one bucket to another. Shipping units removes them from on-hand. */
export function moveUnits(from: UnitBucket, to: UnitBucket, quantity: number): CounterDeltas {
  const deltas = { ...ZERO_DELTAS };
  if (from === to || quantity === 0) return deltas;
  if (from === 'shipped') throw new Error('shipped units cannot come back through a hold');
  deltas[DELTA_KEY[from]] -= quantity;
  if (to === 'shipped') deltas.onHandDelta -= quantity;
  else deltas[DELTA_KEY[to]] += quantity;
  return deltas;
}

export function applyDeltas(counters: StockCounters, deltas: CounterDeltas): StockCounters {
  return {
    onHand: counters.onHand + deltas.onHandDelta,
    available: counters.available + deltas.availableDelta,
    held: counters.held + deltas.heldDelta,
    confirmed: counters.confirmed + deltas.confirmedDelta,
    allocated: counters.allocated + deltas.allocatedDelta,
  };
}

export const reservedOf = (c: Pick<StockCounters, 'held' | 'confirmed' | 'allocated'>): number =>
  c.held + c.confirmed + c.allocated;

/** Describes how the counters break the invariant, or returns null when they keep it. */
export function invariantViolation(c: StockCounters): string | null {
  const negative = (Object.keys(c) as (keyof StockCounters)[]).filter((k) => c[k] < 0);
  if (negative.length > 0) return `negative counters: ${negative.map((k) => `${k}=${c[k]}`).join(', ')}`;
  if (c.onHand !== c.available + reservedOf(c)) {
    return `onHand ${c.onHand} != available ${c.available} + held ${c.held} + confirmed ${c.confirmed} + allocated ${c.allocated}`;
  }
  return null;
}

/** The counters an SKU should have given its on-hand and the quantities its hold lines reserve. */
export function countersFromReservations(
  onHand: number,
  reserved: Pick<StockCounters, 'held' | 'confirmed' | 'allocated'>,
): StockCounters {
  const total = reservedOf(reserved);
  // Reservations are the promises made to shoppers; if they exceed on-hand (only possible after
  // corruption), on-hand is raised to match rather than leaving the invariant broken.
  const healedOnHand = Math.max(onHand, total);
  return { onHand: healedOnHand, available: healedOnHand - total, ...reserved };
}

export function deltasBetween(from: StockCounters, to: StockCounters): CounterDeltas {
  return {
    onHandDelta: to.onHand - from.onHand,
    availableDelta: to.available - from.available,
    heldDelta: to.held - from.held,
    confirmedDelta: to.confirmed - from.confirmed,
    allocatedDelta: to.allocated - from.allocated,
  };
}

export const isLowStock = (available: number, threshold: number): boolean => available <= threshold;
