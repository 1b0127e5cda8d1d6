import {
  InventoryFailure,
  type Hold,
  type HoldStockInput,
  type HoldTransitionInput,
  type InventoryFailureType,
  type RenewHoldInput,
  type ReopenHoldInput,
} from '@commerce/contracts/inventory';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import { InventoryError } from '../../domain/inventory-error.js';
import {
  addSeconds,
  isActiveStatus,
  isPastExpiry,
  planHoldTransition,
  planRehold,
  type HoldAction,
} from '../../domain/hold-transitions.js';
import { bucketOf, moveUnits } from '../../domain/stock-counters.js';
import type { StockLedger } from './stock-ledger.js';
import { toHold, type HoldLineRow, type HoldRow } from './stock-rows.js';

const fail = (type: InventoryFailureType, message: string, details: Record<string, unknown>) =>
  new InventoryError(type, message, details);

/** Hold, renew, the line transitions and expiry. Each function runs inside the caller's transaction. */
export function createHoldOperations(db: SqliteDatabase, ledger: StockLedger) {
  const selectDue = db.prepare<[string, number], { hold_id: string }>(
    'SELECT hold_id FROM inv_holds WHERE has_held_lines = 1 AND expires_at <= ? ORDER BY expires_at LIMIT ?',
  );

  function requireHold(holdId: string): HoldRow {
    const row = ledger.findHold(holdId);
    if (!row) throw fail(InventoryFailure.HoldNotFound, `hold ${holdId} not found`, { holdId });
    return row;
  }

  function load(holdId: string): Hold {
    return toHold(requireHold(holdId), ledger.linesOf(holdId));
  }

  /** Applies `action` to one line per the transition table; returns whether anything changed. */
  function applyToLine(line: HoldLineRow, action: HoldAction, now: string, extra: { supplierId?: string; reason?: string } = {}): boolean {
    const plan = planHoldTransition(line.status, action);
    const at = { holdId: line.hold_id, sku: line.sku, status: line.status, action };
    if (plan.kind === 'noop') return false;
    if (plan.kind === 'expired') throw fail(InventoryFailure.HoldExpired, `hold ${line.hold_id} expired`, at);
    if (plan.kind === 'invalid') {
      throw fail(InventoryFailure.InvalidHoldTransition, `hold ${line.hold_id}, SKU ${line.sku}: ${plan.reason}`, at);
    }
    ledger.move({
      sku: line.sku,
      type: action,
      holdId: line.hold_id,
      quantity: line.quantity,
      deltas: moveUnits(bucketOf(plan.from), bucketOf(plan.to), line.quantity),
      ...(extra.reason === undefined ? {} : { reason: extra.reason }),
      now,
    });
    const supplierId = action === 'allocate' ? (extra.supplierId ?? line.supplier_id) : line.supplier_id;
    ledger.setLine({ holdId: line.hold_id, sku: line.sku, quantity: line.quantity, status: plan.to, now, ...(supplierId ? { supplierId } : {}) });
    return true;
  }

  /** Expires every held line of a hold; returns the SKUs it touched. */
  function expireHeldLines(holdId: string, now: string): string[] {
    const touched = ledger.linesOf(holdId).filter((line) => line.status === 'held' && applyToLine(line, 'expire', now));
    ledger.touchHold(holdId, now);
    return touched.map((line) => line.sku);
  }

  function hold(input: HoldStockInput, now: string): Hold {
    const { holdId, owner } = input;
    const skus = input.lines.map((l) => l.sku);
    if (new Set(skus).size !== skus.length) {
      throw fail(InventoryFailure.InvalidInput, `hold ${holdId} names an SKU twice`, { holdId, skus });
    }
    const existing = ledger.findHold(holdId);
    if (existing && existing.owner !== owner) {
      throw fail(InventoryFailure.HoldConflict, `hold ${holdId} belongs to ${existing.owner}`, { holdId, owner: existing.owner });
    }
    // A hold past its expiry that the sweep has not reached yet expires now; its lines are then held afresh.
    if (existing && isPastExpiry(existing.expires_at, now)) expireHeldLines(holdId, now);
    if (!existing) ledger.createHold(holdId, owner, addSeconds(now, input.ttlSeconds), now);
    const lines = new Map(ledger.linesOf(holdId).map((l) => [l.sku, l]));
    for (const { sku, quantity } of input.lines) {
      const line = lines.get(sku);
      const plan = planRehold(line, quantity);
      if (plan.kind === 'noop') continue;
      if (plan.kind === 'invalid') {
        throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId}, SKU ${sku}: ${plan.reason}`, { holdId, sku, status: line?.status });
      }
      const stock = ledger.stockOf(sku);
      const diff = quantity - plan.currentlyHeld;
      if (diff > stock.available) {
        throw fail(InventoryFailure.InsufficientStock, `only ${stock.available + plan.currentlyHeld} of ${sku} available, ${quantity} requested`, {
          sku,
          requested: quantity,
          available: stock.available + plan.currentlyHeld,
        });
      }
      ledger.move({
        sku,
        type: line?.status === 'held' ? 'hold-change' : 'hold',
        holdId,
        quantity: Math.abs(diff),
        deltas: diff > 0 ? moveUnits('available', 'held', diff) : moveUnits('held', 'available', -diff),
        now,
      });
      ledger.setLine({ holdId, sku, quantity, status: 'held', now });
    }
    ledger.touchHold(holdId, now, addSeconds(now, input.ttlSeconds));
    return load(holdId);
  }

  function renew(input: RenewHoldInput, now: string): Hold {
    const row = requireHold(input.holdId);
    const lines = ledger.linesOf(input.holdId);
    const expired = { holdId: input.holdId, expiresAt: row.expires_at };
    if (lines.some((l) => l.status === 'held') && isPastExpiry(row.expires_at, now)) {
      throw fail(InventoryFailure.HoldExpired, `hold ${input.holdId} expired at ${row.expires_at}`, expired);
    }
    if (!lines.some((l) => isActiveStatus(l.status))) {
      if (lines.some((l) => l.status === 'expired')) throw fail(InventoryFailure.HoldExpired, `hold ${input.holdId} expired`, expired);
      throw fail(InventoryFailure.InvalidHoldTransition, `hold ${input.holdId} has no active lines to renew`, { holdId: input.holdId });
    }
    ledger.touchHold(input.holdId, now, addSeconds(now, input.ttlSeconds));
    return load(input.holdId);
  }

  /** The lines a transition acts on: the named SKUs (each must be a line of the hold), or all. */
  function targetsOf(holdId: string, skus: readonly string[] | undefined, action: HoldAction): HoldLineRow[] {
    const lines = ledger.linesOf(holdId);
    if (!skus) return lines;
    return [...new Set(skus)].map((sku) => {
      const line = lines.find((l) => l.sku === sku);
      if (!line) throw fail(InventoryFailure.InvalidHoldTransition, `hold ${holdId} has no line for SKU ${sku}`, { holdId, sku, action });
      return line;
    });
  }

  function transition(action: Exclude<HoldAction, 'expire' | 'reopen'>, input: HoldTransitionInput, now: string): Hold {
    const row = requireHold(input.holdId);
    const targets = targetsOf(input.holdId, input.skus, action);
    for (const line of targets) {
      if (action === 'confirm' && line.status === 'held' && isPastExpiry(row.expires_at, now)) {
        throw fail(InventoryFailure.HoldExpired, `hold ${input.holdId} expired at ${row.expires_at}`, { holdId: input.holdId, expiresAt: row.expires_at });
      }
      applyToLine(line, action, now, {
        ...(input.supplierId === undefined ? {} : { supplierId: input.supplierId }),
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      });
    }
    ledger.touchHold(input.holdId, now);
    return load(input.holdId);
  }

  /** Confirmed lines back to held with a fresh expiry; held lines only get the expiry (a retry). */
  function reopen(input: ReopenHoldInput, now: string): Hold {
    const row = requireHold(input.holdId);
    // Held lines past the hold's expiry that the sweep has not reached yet expire first (as in hold).
    if (isPastExpiry(row.expires_at, now)) expireHeldLines(input.holdId, now);
    const targets = targetsOf(input.holdId, input.skus, 'reopen');
    for (const line of targets) applyToLine(line, 'reopen', now, input.reason === undefined ? {} : { reason: input.reason });
    ledger.touchHold(input.holdId, now, addSeconds(now, input.ttlSeconds));
    return load(input.holdId);
  }

  function expireDue(now: string, limit: number): { holdsExpired: number; skus: string[] } {
    const due = selectDue.all(now, limit);
    const skus = new Set<string>();
    for (const { hold_id } of due) for (const sku of expireHeldLines(hold_id, now)) skus.add(sku);
    return { holdsExpired: due.length, skus: [...skus] };
  }

  return { hold, renew, transition, reopen, expireDue, find: (holdId: string): Hold | null => (ledger.findHold(holdId) ? load(holdId) : null) };
}
