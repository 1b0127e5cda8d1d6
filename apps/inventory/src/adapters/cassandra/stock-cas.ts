import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { errors, types } from 'cassandra-driver';
import { InventoryFailure, type StockMovement, type StockMovementType } from '@commerce/contracts/inventory';
import { InventoryError } from '../../domain/inventory-error.js';
import { applyDeltas, invariantViolation, type CounterDeltas } from '../../domain/stock-counters.js';
import { nextJournalSeq } from './journal-seq.js';
import type { StockJournal } from './stock-journal.js';
import { StockContentionError } from './stock-contention-error.js';
import type { EntryKind, EntryValues, StockEntry, StockHead, StockPartitions } from './stock-partition.js';

/** How hard a compare-and-set is retried before giving up with StockContentionError. */
export interface CasRetrySettings {
  /** Attempts per operation and SKU (default 60). */
  maxAttempts: number;
  /** Full-jitter exponential backoff: a random wait in [0, min(capMs, baseMs × 2^attempt)). */
  baseMs: number;
  capMs: number;
}

export const DEFAULT_CAS_RETRY: CasRetrySettings = { maxAttempts: 60, baseMs: 5, capMs: 400 };

/** What a change reads before planning: the stock row, plus one entry or every entry of a kind. */
export type CasRead = { entry: { kind: EntryKind; ref: string } } | { entries: EntryKind } | Record<string, never>;

export interface CasState {
  head: StockHead;
  /** The entry asked for (null: absent). */
  entry: StockEntry | null;
  /** Every entry of the kind asked for. */
  entries: StockEntry[];
}

export interface MovementDraft {
  type: StockMovementType;
  holdId?: string;
  quantity: number;
  reason?: string;
}

/** A plan: nothing to write (`deltas` absent), or counter deltas with an optional entry change and movement. */
export interface CasPlan<T> {
  result: T;
  deltas?: CounterDeltas;
  lowStockThreshold?: number;
  entry?: { next: EntryValues | null; ttlSeconds: number };
  movement?: MovementDraft;
}

/** Driver errors after which a write's outcome is unknown (it may have applied): settle by reading. */
function outcomeUnknown(error: unknown): boolean {
  if (error instanceof errors.OperationTimedOutError || error instanceof errors.NoHostAvailableError) return true;
  if (error instanceof errors.ResponseError) {
    const codes = types.responseErrorCodes;
    return [codes.writeTimeout, codes.writeFailure, codes.unavailableException, codes.overloaded, codes.serverError].includes(error.code);
  }
  return false;
}

/**
 * The one writer of stock partitions: read → plan → compare-and-set on the stock row's version,
 * retried with jittered backoff when another writer got there first. The plan is re-made from
 * what was read on every attempt, so it sees (and can refuse on) the latest counters; because a
 * reservation changes in the same transaction as the counters, re-planning after an unknown
 * outcome is idempotent. After a write: the movement is journaled together with the SKU's
 * previous movement (repairing a journal write lost by a crashed writer).
 */
export function createStockCas(deps: { partitions: StockPartitions; journal: StockJournal; retry: CasRetrySettings }) {
  const { partitions, journal, retry } = deps;

  async function read(sku: string, what: CasRead): Promise<CasState> {
    if ('entries' in what) {
      const { head, entries } = await partitions.readPartition(sku, what.entries);
      if (head === null) throw unknownSku(sku);
      return { head, entry: null, entries };
    }
    const [head, entry] = await Promise.all([
      partitions.readHead(sku),
      'entry' in what ? partitions.readEntry(sku, what.entry.kind, what.entry.ref) : Promise.resolve(null),
    ]);
    if (head === null) throw unknownSku(sku);
    return { head, entry, entries: [] };
  }

  /**
   * Applies `plan` to one SKU. `now` (normalised ISO) stamps the row, the entry and the movement.
   * Throws what the plan throws (InventoryError), InventoryError UnknownSku, StockContentionError
   * after the retry budget, or a driver error that is not about contention.
   */
  async function change<T>(sku: string, what: CasRead, now: string, plan: (state: CasState) => CasPlan<T>): Promise<{ result: T; head: StockHead }> {
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      const state = await read(sku, what);
      const decided = plan(state);
      if (decided.deltas === undefined) return { result: decided.result, head: state.head };
      const { head } = state;
      const counters = applyDeltas(head.counters, decided.deltas);
      const violation = invariantViolation(counters);
      if (violation) throw new Error(`stock change on ${sku} would break the invariant: ${violation}`);
      const opId = randomUUID();
      const movement: StockMovement | null =
        decided.movement === undefined
          ? null
          : {
              seq: nextJournalSeq(head.lastMove?.seq ?? 0),
              sku,
              type: decided.movement.type,
              ...(decided.movement.holdId === undefined ? {} : { holdId: decided.movement.holdId }),
              quantity: decided.movement.quantity,
              ...decided.deltas,
              ...(decided.movement.reason === undefined ? {} : { reason: decided.movement.reason }),
              at: now,
            };
      const next: StockHead = {
        sku,
        counters,
        lowStockThreshold: decided.lowStockThreshold ?? head.lowStockThreshold,
        version: head.version + 1,
        updatedAt: now,
        lastOp: opId,
        lastMove: movement ?? head.lastMove,
      };
      const entryKey = 'entry' in what ? what.entry : undefined;
      if (decided.entry !== undefined && entryKey === undefined) throw new Error('a plan changed an entry it did not read');
      let applied: boolean;
      try {
        applied = await partitions.compareAndSet({
          sku,
          expectVersion: head.version,
          head: next,
          ...(decided.entry === undefined || entryKey === undefined
            ? {}
            : {
                entry: {
                  ...entryKey,
                  expect: state.entry,
                  next: decided.entry.next,
                  ttlSeconds: decided.entry.ttlSeconds,
                  changedAt: now,
                },
              }),
        });
      } catch (error) {
        if (!outcomeUnknown(error)) throw error;
        // Did it apply? A SERIAL read completes any Paxos round still in flight, then tells.
        const settled = await partitions.readHead(sku, { serial: true });
        applied = settled?.lastOp === opId;
      }
      if (applied) {
        await journal.write([head.lastMove, movement]);
        return { result: decided.result, head: next };
      }
      await delay(randomInt(Math.max(1, Math.min(retry.capMs, retry.baseMs * 2 ** attempt))));
    }
    throw new StockContentionError(sku, retry.maxAttempts);
  }

  return { change, read };
}

const unknownSku = (sku: string) => new InventoryError(InventoryFailure.UnknownSku, `unknown SKU ${sku}`, { sku });

export type StockCas = ReturnType<typeof createStockCas>;
