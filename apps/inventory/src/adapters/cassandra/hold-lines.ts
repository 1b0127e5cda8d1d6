import { InventoryFailure, type Hold, type HoldLine, type HoldStatus, type InventoryFailureType } from '@commerce/contracts/inventory';
import { InventoryError } from '../../domain/inventory-error.js';
import { isActiveStatus } from '../../domain/hold-transitions.js';
import type { CounterDeltas } from '../../domain/stock-counters.js';
import type { HoldHeader, LineRecord } from './hold-records.js';
import { mapLimit } from './map-limit.js';
import type { CasPlan } from './stock-cas.js';
import type { EntryValues, StockEntry, StockPartitions } from './stock-partition.js';

/** The state of a hold line as the operations see it. */
export interface LineState {
  sku: string;
  quantity: number;
  status: HoldStatus;
  supplierId: string | null;
}

/** A line of a hold with both of its sources: the reservation in `stock` and the row in `holds`. */
export interface ResolvedLine {
  sku: string;
  record: LineRecord;
  reservation: StockEntry | null;
  /** What the line is: null when it does not exist (an intent that never reserved anything). */
  state: LineState | null;
}

const TERMINAL: readonly string[] = ['fulfilled', 'released', 'expired'];

/**
 * The reservation is the truth while it exists; once a terminal reservation's retention ran out,
 * the hold's own row keeps the final status. A row that is still 'pending' (or claims an active
 * status) without a reservation is an intent whose reservation never happened: no line.
 */
export function effectiveLine(sku: string, reservation: StockEntry | null, record: LineRecord | undefined): LineState | null {
  if (reservation !== null) {
    return { sku, quantity: reservation.quantity, status: reservation.status as HoldStatus, supplierId: reservation.supplierId };
  }
  if (record !== undefined && TERMINAL.includes(record.status)) {
    return { sku, quantity: record.quantity, status: record.status as HoldStatus, supplierId: record.supplierId };
  }
  return null;
}

/** Reads the reservations of a hold's lines (in parallel) and resolves each line. */
export async function resolveLines(partitions: StockPartitions, holdId: string, records: readonly LineRecord[]): Promise<ResolvedLine[]> {
  const reservations = await mapLimit(records, 16, (record) => partitions.readEntry(record.sku, 'hold', holdId));
  return records.map((record, i) => {
    const reservation = reservations[i] ?? null;
    return { sku: record.sku, record, reservation, state: effectiveLine(record.sku, reservation, record) };
  });
}

export function toHoldLine(state: LineState): HoldLine {
  return {
    sku: state.sku,
    quantity: state.quantity,
    status: state.status,
    ...(state.supplierId === null ? {} : { supplierId: state.supplierId }),
  };
}

/** The hold as the port returns it: only lines that exist, in SKU order. */
export function toHold(header: HoldHeader, lines: readonly ResolvedLine[]): Hold | null {
  const visible = lines.flatMap((l) => (l.state === null ? [] : [toHoldLine(l.state)]));
  if (visible.length === 0) return null;
  return { holdId: header.holdId, owner: header.owner, lines: visible, expiresAt: header.expiresAt, createdAt: header.createdAt, updatedAt: header.updatedAt };
}

/** The record a line gets after its reservation reached `state`. */
export const recordOf = (state: LineState): LineRecord => ({ ...state });

export const fail = (type: InventoryFailureType, message: string, details: Record<string, unknown>) => new InventoryError(type, message, details);

/** What a line change did, kept so it can be compensated. */
export interface AppliedLine {
  sku: string;
  /** The reservation before the change (null: none). */
  before: StockEntry | null;
  /** The reservation the change wrote. */
  after: EntryValues;
  deltas: CounterDeltas;
  state: LineState;
}

const negate = (d: CounterDeltas): CounterDeltas => ({
  onHandDelta: -d.onHandDelta,
  availableDelta: -d.availableDelta,
  heldDelta: -d.heldDelta,
  confirmedDelta: -d.confirmedDelta,
  allocatedDelta: -d.allocatedDelta,
});

const sameEntry = (entry: StockEntry | null, values: EntryValues): boolean =>
  entry !== null &&
  entry.status === values.status &&
  entry.quantity === values.quantity &&
  entry.supplierId === values.supplierId &&
  entry.holdRev === values.holdRev;

/**
 * The plan that undoes an applied line change: the reservation goes back to what it was and the
 * counters move back, journaled as `type`. Skipped (result false) when the reservation is no
 * longer what the change wrote: someone else moved it on, and undoing that is not ours to do.
 */
export function revertPlan(
  applied: AppliedLine,
  movement: { type: 'release' | 'hold-change' | 'heal'; holdId: string; reason: string },
  retentionSeconds: number,
): (state: { entry: StockEntry | null }) => CasPlan<boolean> {
  return ({ entry }) => {
    if (!sameEntry(entry, applied.after)) return { result: false };
    const before = applied.before;
    const deltas = negate(applied.deltas);
    return {
      result: true,
      deltas,
      entry: {
        next: before === null ? null : { status: before.status, quantity: before.quantity, supplierId: before.supplierId, holdRev: before.holdRev },
        ttlSeconds: before === null || isActiveStatus(before.status as HoldStatus) ? 0 : retentionSeconds,
      },
      movement: { ...movement, quantity: Math.max(...Object.values(deltas).map((d) => Math.abs(d))) },
    };
  };
}

export const holdNotFound = (holdId: string) => fail(InventoryFailure.HoldNotFound, `hold ${holdId} not found`, { holdId });
