import {
  InventoryFailure,
  type Hold,
  type HoldStockInput,
  type HoldTransitionInput,
  type RenewHoldInput,
  type ReopenHoldInput,
} from '@commerce/contracts/inventory';
import { isInventoryError } from '../../domain/inventory-error.js';
import {
  addSeconds,
  isActiveStatus,
  isPastExpiry,
  planHoldTransition,
  planRehold,
  type HoldAction,
} from '../../domain/hold-transitions.js';
import { bucketOf, moveUnits } from '../../domain/stock-counters.js';
import { HEADER_ROUNDS, type HoldExpiry } from './hold-expiry.js';
import {
  effectiveLine,
  fail,
  holdNotFound,
  recordOf,
  resolveLines,
  revertPlan,
  toHold,
  type AppliedLine,
  type LineState,
  type ResolvedLine,
} from './hold-lines.js';
import { isClaimedForExpiry, PENDING, type HoldHeader, type HoldRecords } from './hold-records.js';
import { mapLimit } from './map-limit.js';
import type { StockCas } from './stock-cas.js';
import type { StockPartitions } from './stock-partition.js';

export interface HoldOperationsDeps {
  records: HoldRecords;
  partitions: StockPartitions;
  cas: StockCas;
  expiry: HoldExpiry;
  retentionSeconds: number;
}

type Transition = Exclude<HoldAction, 'expire' | 'reopen'>;

const bySku = <T extends { sku: string }>(a: T, b: T): number => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/** hold, renew and the line transitions (see the protocol in cassandra-stock-repository.ts). */
export function createHoldOperations({ records, partitions, cas, expiry, retentionSeconds }: HoldOperationsDeps) {
  const reservationOf = (holdId: string) => ({ entry: { kind: 'hold' as const, ref: holdId } });

  async function load(holdId: string): Promise<{ header: HoldHeader; lines: ResolvedLine[] } | null> {
    const loaded = await records.read(holdId);
    if (loaded === null) return null;
    return { header: loaded.header, lines: await resolveLines(partitions, holdId, loaded.lines) };
  }

  async function find(holdId: string): Promise<Hold | null> {
    const loaded = await load(holdId);
    return loaded === null ? null : toHold(loaded.header, loaded.lines);
  }

  async function mustFind(holdId: string): Promise<Hold> {
    const hold = await find(holdId);
    if (hold === null) throw new Error(`hold ${holdId} vanished while it was being changed`);
    return hold;
  }

  /** Undoes applied line changes, last first (each its own stock transaction). */
  async function compensate(holdId: string, applied: readonly AppliedLine[], now: string, type: 'hold' | Transition | 'reopen'): Promise<void> {
    for (const line of [...applied].reverse()) {
      const movementType = type !== 'hold' ? 'heal' : line.before?.status === 'held' ? 'hold-change' : 'release';
      await cas.change(
        line.sku,
        reservationOf(holdId),
        now,
        revertPlan(line, { type: movementType, holdId, reason: `compensating ${type} of hold ${holdId}: another line failed` }, retentionSeconds),
      );
    }
  }

  /** Moves the hold's expiry (re-reading on a race with the sweep's claim); returns the header it replaced. */
  async function moveExpiry(holdId: string, owner: string, expiresAt: string, now: string): Promise<HoldHeader> {
    for (let round = 0; round < HEADER_ROUNDS; round++) {
      let loaded = await records.read(holdId);
      if (loaded === null) throw holdNotFound(holdId);
      if (loaded.header.owner !== owner) throw holdConflict(holdId, loaded.header.owner);
      if (isClaimedForExpiry(loaded.header)) {
        await expiry.expireHold(holdId, now);
        loaded = await records.read(holdId);
        if (loaded === null) throw holdNotFound(holdId);
      }
      if (await records.setExpiry(holdId, loaded.header.revision, expiresAt, now)) return loaded.header;
    }
    throw new Error(`hold ${holdId} kept changing while its expiry was being moved; try again`);
  }

  async function hold(input: HoldStockInput, now: string): Promise<Hold> {
    const { holdId, owner } = input;
    const skus = input.lines.map((l) => l.sku);
    if (new Set(skus).size !== skus.length) throw fail(InventoryFailure.InvalidInput, `hold ${holdId} names an SKU twice`, { holdId, skus });
    const lines = [...input.lines].sort(bySku);

    let loaded = await records.read(holdId);
    if (loaded !== null && loaded.header.owner !== owner) throw holdConflict(holdId, loaded.header.owner);
    const readHeads = () => mapLimit(lines, 16, (line) => partitions.readHead(line.sku));
    let heads = await readHeads();
    const unknown = lines.find((_, i) => heads[i] === null);
    if (unknown !== undefined) throw fail(InventoryFailure.UnknownSku, `unknown SKU ${unknown.sku}`, { sku: unknown.sku });
    // A hold past its expiry that the sweep has not reached yet expires now; its lines are then held afresh.
    if (loaded !== null && (isClaimedForExpiry(loaded.header) || isPastExpiry(loaded.header.expiresAt, now))) {
      await expiry.expireHold(holdId, now);
      [loaded, heads] = await Promise.all([records.read(holdId), readHeads()]);
    }
    let recordBySku = new Map((loaded?.lines ?? []).map((r) => [r.sku, r]));
    const reservations = await mapLimit(lines, 16, (line) => partitions.readEntry(line.sku, 'hold', holdId));

    // Refuse what can already be refused before anything is written (retried under races below).
    lines.forEach(({ sku, quantity }, i) => {
      const current = effectiveLine(sku, reservations[i] ?? null, recordBySku.get(sku));
      const plan = planRehold(current ?? undefined, quantity);
      if (plan.kind === 'invalid') throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId}, SKU ${sku}: ${plan.reason}`, { holdId, sku, status: current?.status });
      const available = heads[i]?.counters.available ?? 0;
      if (plan.kind === 'set' && quantity - plan.currentlyHeld > available) throw insufficient(sku, quantity, available + plan.currentlyHeld);
    });

    // The header: created, or its expiry moved (both linearised with the sweep's claim).
    const expiresAt = addSeconds(now, input.ttlSeconds);
    let replaced: HoldHeader | null = null;
    let created = false;
    if (loaded === null) created = await records.create({ holdId, owner, expiresAt, createdAt: now, updatedAt: now });
    if (!created) replaced = await moveExpiry(holdId, owner, expiresAt, now);
    // Created meanwhile by a concurrent call of the same owner: work from its lines.
    if (!created && loaded === null) recordBySku = new Map(((await records.read(holdId))?.lines ?? []).map((r) => [r.sku, r]));
    const revision = created ? 1 : (replaced?.revision ?? 0) + 1;

    // Intents first: the sweep's index entry and a row for each new line, so that units reserved
    // below are always reachable from the hold (and expire with it), even if this call dies.
    await records.addExpiry(holdId, expiresAt);
    const fresh = lines.filter((l) => !recordBySku.has(l.sku));
    await records.writeLines(holdId, fresh.map((l) => ({ sku: l.sku, quantity: l.quantity, status: PENDING, supplierId: null })), now);

    const applied: AppliedLine[] = [];
    try {
      for (const { sku, quantity } of lines) {
        const record = recordBySku.get(sku);
        const { result } = await cas.change(sku, reservationOf(holdId), now, ({ head, entry }) => {
          const current = effectiveLine(sku, entry, record);
          const plan = planRehold(current ?? undefined, quantity);
          if (plan.kind === 'noop') return { result: null };
          if (plan.kind === 'invalid') {
            throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId}, SKU ${sku}: ${plan.reason}`, { holdId, sku, status: current?.status });
          }
          const diff = quantity - plan.currentlyHeld;
          if (diff > head.counters.available) throw insufficient(sku, quantity, head.counters.available + plan.currentlyHeld);
          const supplierId = entry?.supplierId ?? record?.supplierId ?? null;
          const after = { status: 'held', quantity, supplierId, holdRev: revision };
          const deltas = diff > 0 ? moveUnits('available', 'held', diff) : moveUnits('held', 'available', -diff);
          const line: AppliedLine = { sku, before: entry, after, deltas, state: { sku, quantity, status: 'held', supplierId } };
          return {
            result: line,
            deltas,
            entry: { next: after, ttlSeconds: 0 },
            movement: { type: current?.status === 'held' ? 'hold-change' : 'hold', holdId, quantity: Math.abs(diff) },
          };
        });
        if (result !== null) applied.push(result);
      }
    } catch (error) {
      if (isInventoryError(error)) {
        await compensate(holdId, applied, now, 'hold');
        if (created) {
          await records.remove(holdId, revision, fresh.map((l) => l.sku));
          await records.removeExpiry(holdId, expiresAt);
        }
      }
      throw error;
    }
    await records.writeLines(holdId, applied.map((l) => recordOf(l.state)), now);
    if (replaced !== null && replaced.expiresAt !== expiresAt) await records.removeExpiry(holdId, replaced.expiresAt);
    return mustFind(holdId);
  }

  async function renew(input: RenewHoldInput, now: string): Promise<Hold> {
    const { holdId } = input;
    for (let round = 0; round < HEADER_ROUNDS; round++) {
      const loaded = await load(holdId);
      const visible = loaded?.lines.flatMap((l) => (l.state === null ? [] : [l.state])) ?? [];
      if (loaded === null || visible.length === 0) throw holdNotFound(holdId);
      const { header } = loaded;
      const expired = { holdId, expiresAt: header.expiresAt };
      const hasHeld = visible.some((l) => l.status === 'held');
      if (hasHeld && (isClaimedForExpiry(header) || isPastExpiry(header.expiresAt, now))) {
        throw fail(InventoryFailure.HoldExpired, `hold ${holdId} expired at ${header.expiresAt}`, expired);
      }
      if (!visible.some((l) => isActiveStatus(l.status))) {
        if (visible.some((l) => l.status === 'expired')) throw fail(InventoryFailure.HoldExpired, `hold ${holdId} expired`, expired);
        throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no active lines to renew`, { holdId });
      }
      const expiresAt = addSeconds(now, input.ttlSeconds);
      if (hasHeld) await records.addExpiry(holdId, expiresAt);
      if (await records.setExpiry(holdId, header.revision, expiresAt, now)) {
        if (header.expiresAt !== expiresAt) await records.removeExpiry(holdId, header.expiresAt);
        return mustFind(holdId);
      }
      // The header moved since it was read (the sweep claimed it, or another call): decide again.
      if (hasHeld && header.expiresAt !== expiresAt) await records.removeExpiry(holdId, expiresAt);
    }
    throw new Error(`hold ${holdId} kept changing while it was being renewed; try again`);
  }

  async function transition(action: Transition, input: HoldTransitionInput, now: string): Promise<Hold> {
    const { holdId } = input;
    const loaded = await load(holdId);
    const visible = loaded?.lines.flatMap((l) => (l.state === null ? [] : [l.state])) ?? [];
    if (loaded === null || visible.length === 0) throw holdNotFound(holdId);
    const { header } = loaded;
    const targets: LineState[] = input.skus
      ? [...new Set(input.skus)].sort().map((sku) => {
          const line = visible.find((l) => l.sku === sku);
          if (!line) throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no line for SKU ${sku}`, { holdId, sku, action });
          return line;
        })
      : visible;
    const stale = isClaimedForExpiry(header) || isPastExpiry(header.expiresAt, now);
    // Every target must be able to move before any does (the same checks run again per line below).
    for (const line of targets) {
      if (action === 'confirm' && line.status === 'held' && stale) {
        throw fail(InventoryFailure.HoldExpired, `hold ${holdId} expired at ${header.expiresAt}`, { holdId, expiresAt: header.expiresAt });
      }
      refuseUnless(holdId, line, action);
    }

    const applied: AppliedLine[] = [];
    try {
      for (const target of targets) {
        const record = loaded.lines.find((l) => l.sku === target.sku)?.record;
        const { result } = await cas.change(target.sku, reservationOf(holdId), now, ({ entry }) => {
          const current = effectiveLine(target.sku, entry, record);
          if (current === null) throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no line for SKU ${target.sku}`, { holdId, sku: target.sku, action });
          const plan = refuseUnless(holdId, current, action);
          if (plan === null || entry === null) return { result: null };
          const supplierId = action === 'allocate' ? (input.supplierId ?? entry.supplierId) : entry.supplierId;
          const after = { status: plan.to, quantity: entry.quantity, supplierId, holdRev: entry.holdRev };
          const deltas = moveUnits(bucketOf(plan.from), bucketOf(plan.to), entry.quantity);
          const line: AppliedLine = { sku: target.sku, before: entry, after, deltas, state: { ...current, status: plan.to, supplierId } };
          return {
            result: line,
            deltas,
            entry: { next: after, ttlSeconds: isActiveStatus(plan.to) ? 0 : retentionSeconds },
            movement: { type: action, holdId, quantity: entry.quantity, ...(input.reason === undefined ? {} : { reason: input.reason }) },
          };
        });
        if (result !== null) applied.push(result);
      }
    } catch (error) {
      if (isInventoryError(error)) await compensate(holdId, applied, now, action);
      throw error;
    }
    await records.writeLines(holdId, applied.map((l) => recordOf(l.state)), now);
    await records.touch(holdId, header.owner, now);
    const changed = new Map(applied.map((l) => [l.sku, l.state.status]));
    if (!visible.some((l) => (changed.get(l.sku) ?? l.status) === 'held')) await records.removeExpiry(holdId, header.expiresAt);
    return mustFind(holdId);
  }

  /**
   * Confirmed lines back to held with a fresh expiry. Like `hold`: stale held lines expire first,
   * the refusals are decided from a first read, the header's expiry moves (linearised with the
   * sweep's claim) and its index entry is written BEFORE units move, then each line is one stock
   * transaction carrying the new header revision (so only a later claim can expire it).
   */
  async function reopen(input: ReopenHoldInput, now: string): Promise<Hold> {
    const { holdId } = input;
    let loaded = await load(holdId);
    if (loaded !== null && (isClaimedForExpiry(loaded.header) || isPastExpiry(loaded.header.expiresAt, now))) {
      await expiry.expireHold(holdId, now);
      loaded = await load(holdId);
    }
    const visible = loaded?.lines.flatMap((l) => (l.state === null ? [] : [l.state])) ?? [];
    if (loaded === null || visible.length === 0) throw holdNotFound(holdId);
    const { header } = loaded;
    const targets: LineState[] = input.skus
      ? [...new Set(input.skus)].sort().map((sku) => {
          const line = visible.find((l) => l.sku === sku);
          if (!line) throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no line for SKU ${sku}`, { holdId, sku, action: 'reopen' });
          return line;
        })
      : visible;
    for (const line of targets) refuseUnless(holdId, line, 'reopen');

    const expiresAt = addSeconds(now, input.ttlSeconds);
    await records.addExpiry(holdId, expiresAt);
    const replaced = await moveExpiry(holdId, header.owner, expiresAt, now);
    const revision = replaced.revision + 1;

    const applied: AppliedLine[] = [];
    try {
      for (const target of targets) {
        const record = loaded.lines.find((l) => l.sku === target.sku)?.record;
        const { result } = await cas.change(target.sku, reservationOf(holdId), now, ({ entry }) => {
          const current = effectiveLine(target.sku, entry, record);
          if (current === null) throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no line for SKU ${target.sku}`, { holdId, sku: target.sku, action: 'reopen' });
          const plan = refuseUnless(holdId, current, 'reopen');
          if (plan === null || entry === null) return { result: null };
          const after = { status: plan.to, quantity: entry.quantity, supplierId: entry.supplierId, holdRev: revision };
          const deltas = moveUnits(bucketOf(plan.from), bucketOf(plan.to), entry.quantity);
          const line: AppliedLine = { sku: target.sku, before: entry, after, deltas, state: { ...current, status: plan.to } };
          return {
            result: line,
            deltas,
            entry: { next: after, ttlSeconds: 0 },
            movement: { type: 'reopen', holdId, quantity: entry.quantity, ...(input.reason === undefined ? {} : { reason: input.reason }) },
          };
        });
        if (result !== null) applied.push(result);
      }
    } catch (error) {
      if (isInventoryError(error)) await compensate(holdId, applied, now, 'reopen');
      throw error;
    }
    await records.writeLines(holdId, applied.map((l) => recordOf(l.state)), now);
    if (replaced.expiresAt !== expiresAt) await records.removeExpiry(holdId, replaced.expiresAt);
    return mustFind(holdId);
  }

  return { hold, renew, transition, reopen, find };
}

/** The transition's plan for a line, or null for a no-op; throws HoldExpired / InvalidHoldTransition. */
function refuseUnless(holdId: string, line: LineState, action: Transition | 'reopen') {
  const plan = planHoldTransition(line.status, action);
  const at = { holdId, sku: line.sku, status: line.status, action };
  if (plan.kind === 'expired') throw fail(InventoryFailure.HoldExpired, `hold ${holdId} expired`, at);
  if (plan.kind === 'invalid') throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId}, SKU ${line.sku}: ${plan.reason}`, at);
  return plan.kind === 'noop' ? null : plan;
}

const holdConflict = (holdId: string, owner: string) => fail(InventoryFailure.HoldConflict, `hold ${holdId} belongs to ${owner}`, { holdId, owner });

const insufficient = (sku: string, requested: number, available: number) =>
  fail(InventoryFailure.InsufficientStock, `only ${available} of ${sku} available, ${requested} requested`, { sku, requested, available });
