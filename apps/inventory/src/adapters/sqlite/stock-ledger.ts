import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { HoldStatus, StockMovementType } from '@commerce/contracts/inventory';
import { applyDeltas, invariantViolation, type CounterDeltas } from '../../domain/stock-counters.js';
import { InventoryError } from '../../domain/inventory-error.js';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { countersOf, type HoldLineRow, type HoldRow, type StockRow } from './stock-rows.js';

export interface Movement {
  sku: string;
  type: StockMovementType;
  holdId?: string;
  quantity: number;
  deltas: CounterDeltas;
  reason?: string;
  now: string;
}

/**
 * The statements every stock operation is built from. Callers run them inside one immediate
 * transaction; `move` is the only writer of the counters and always journals the movement.
 */
export function createStockLedger(db: SqliteDatabase) {
  const selectStock = db.prepare<[string], StockRow>('SELECT * FROM inv_stock WHERE sku = ?');
  const updateCounters = db.prepare(
    `UPDATE inv_stock SET on_hand = @onHand, available = @available, held = @held, confirmed = @confirmed,
       allocated = @allocated, version = version + 1, updated_at = @now WHERE sku = @sku`,
  );
  const insertJournal = db.prepare(
    `INSERT INTO inv_stock_journal (sku, type, hold_id, quantity, on_hand_delta, available_delta, held_delta,
       confirmed_delta, allocated_delta, reason, at)
     VALUES (@sku, @type, @holdId, @quantity, @onHandDelta, @availableDelta, @heldDelta, @confirmedDelta,
       @allocatedDelta, @reason, @now)`,
  );
  const selectHold = db.prepare<[string], HoldRow>('SELECT * FROM inv_holds WHERE hold_id = ?');
  const selectLines = db.prepare<[string], HoldLineRow>(
    'SELECT hold_id, sku, quantity, status, supplier_id FROM inv_hold_lines WHERE hold_id = ? ORDER BY rowid',
  );
  const insertHold = db.prepare(
    `INSERT INTO inv_holds (hold_id, owner, expires_at, has_held_lines, created_at, updated_at)
     VALUES (@holdId, @owner, @expiresAt, 0, @now, @now)`,
  );
  const touchHold = db.prepare(
    `UPDATE inv_holds SET expires_at = COALESCE(@expiresAt, expires_at), updated_at = @now,
       has_held_lines = EXISTS (SELECT 1 FROM inv_hold_lines WHERE hold_id = @holdId AND status = 'held')
     WHERE hold_id = @holdId`,
  );
  const upsertLine = db.prepare(
    `INSERT INTO inv_hold_lines (hold_id, sku, quantity, status, supplier_id, updated_at)
     VALUES (@holdId, @sku, @quantity, @status, @supplierId, @now)
     ON CONFLICT (hold_id, sku) DO UPDATE SET quantity = excluded.quantity, status = excluded.status,
       supplier_id = COALESCE(excluded.supplier_id, inv_hold_lines.supplier_id), updated_at = excluded.updated_at`,
  );

  function stockOf(sku: string): StockRow {
    const row = selectStock.get(sku);
    if (!row) throw new InventoryError(InventoryFailure.UnknownSku, `unknown SKU ${sku}`, { sku });
    return row;
  }

  /** Applies one movement to an SKU's counters and journals it; refuses to break the invariant. */
  function move(m: Movement): void {
    const before = stockOf(m.sku);
    const after = applyDeltas(countersOf(before), m.deltas);
    const violation = invariantViolation(after);
    if (violation) throw new Error(`stock movement ${m.type} on ${m.sku} would break the invariant: ${violation}`);
    updateCounters.run({ ...after, sku: m.sku, now: m.now });
    insertJournal.run({
      sku: m.sku,
      type: m.type,
      holdId: m.holdId ?? null,
      quantity: m.quantity,
      ...m.deltas,
      reason: m.reason ?? null,
      now: m.now,
    });
  }

  return {
    stockOf,
    findStock: (sku: string): StockRow | undefined => selectStock.get(sku),
    move,
    findHold: (holdId: string): HoldRow | undefined => selectHold.get(holdId),
    linesOf: (holdId: string): HoldLineRow[] => selectLines.all(holdId),
    createHold: (holdId: string, owner: string, expiresAt: string, now: string): void => {
      insertHold.run({ holdId, owner, expiresAt, now });
    },
    /** Updates the hold's expiry (when given) and its due-for-expiry flag after its lines changed. */
    touchHold: (holdId: string, now: string, expiresAt?: string): void => {
      touchHold.run({ holdId, now, expiresAt: expiresAt ?? null });
    },
    setLine: (line: { holdId: string; sku: string; quantity: number; status: HoldStatus; supplierId?: string; now: string }): void => {
      upsertLine.run({ ...line, supplierId: line.supplierId ?? null });
    },
  };
}

export type StockLedger = ReturnType<typeof createStockLedger>;
