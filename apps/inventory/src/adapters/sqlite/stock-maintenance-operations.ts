import {
  InventoryFailure,
  type AdjustStockInput,
  type ReceiveStockInput,
  type ReconcileStockResult,
  type StockLevel,
} from '@commerce/contracts/inventory';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import { InventoryError } from '../../domain/inventory-error.js';
import { countersFromReservations, deltasBetween, reservedOf, ZERO_DELTAS, type StockCounters } from '../../domain/stock-counters.js';
import type { OpeningStock } from '../../ports/stock-repository.js';
import type { StockLedger } from './stock-ledger.js';
import { countersOf, toStockLevel } from './stock-rows.js';

const RESERVED_BY_LINES = `SELECT sku,
    SUM(CASE status WHEN 'held' THEN quantity ELSE 0 END) AS held,
    SUM(CASE status WHEN 'confirmed' THEN quantity ELSE 0 END) AS confirmed,
    SUM(CASE status WHEN 'allocated' THEN quantity ELSE 0 END) AS allocated
  FROM inv_hold_lines WHERE status IN ('held', 'confirmed', 'allocated')`;

const DRIFTED = `SELECT s.sku FROM inv_stock s LEFT JOIN (${RESERVED_BY_LINES} GROUP BY sku) r ON r.sku = s.sku
  WHERE s.held != COALESCE(r.held, 0) OR s.confirmed != COALESCE(r.confirmed, 0) OR s.allocated != COALESCE(r.allocated, 0)`;

const FIELDS: readonly (keyof StockCounters)[] = ['onHand', 'available', 'held', 'confirmed', 'allocated'];

/** Opening stock, admin adjustments and reconciliation. */
export function createStockMaintenanceOperations(db: SqliteDatabase, ledger: StockLedger) {
  const insertStock = db.prepare(
    `INSERT INTO inv_stock (sku, on_hand, available, held, confirmed, allocated, low_stock_threshold, version, updated_at)
     VALUES (@sku, 0, 0, 0, 0, 0, @lowStockThreshold, 0, @now) ON CONFLICT (sku) DO NOTHING`,
  );
  const selectAdjustment = db.prepare<[string], { sku: string; on_hand: number }>(
    'SELECT sku, on_hand FROM inv_stock_adjustments WHERE adjustment_id = ?',
  );
  const insertAdjustment = db.prepare('INSERT INTO inv_stock_adjustments (adjustment_id, sku, on_hand, at) VALUES (?, ?, ?, ?)');
  const selectReceipt = db.prepare<[string, string], { quantity: number }>('SELECT quantity FROM inv_stock_receipts WHERE receipt_id = ? AND sku = ?');
  const insertReceipt = db.prepare('INSERT INTO inv_stock_receipts (receipt_id, sku, quantity, at) VALUES (?, ?, ?, ?)');
  const updateThreshold = db.prepare(
    'UPDATE inv_stock SET low_stock_threshold = ?, version = version + 1, updated_at = ? WHERE sku = ? AND low_stock_threshold != ?',
  );
  const countStock = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM inv_stock');
  const countStockAmong = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM inv_stock WHERE sku IN (SELECT value FROM json_each(?))',
  );
  const driftedAll = db.prepare<[], { sku: string }>(DRIFTED);
  const driftedAmong = db.prepare<[string], { sku: string }>(`${DRIFTED} AND s.sku IN (SELECT value FROM json_each(?))`);
  const reservedOfSku = db.prepare<[string], { held: number | null; confirmed: number | null; allocated: number | null }>(
    `${RESERVED_BY_LINES} AND sku = ?`,
  );

  function initializeStock(entries: readonly OpeningStock[], now: string): string[] {
    const created: string[] = [];
    for (const { sku, onHand, lowStockThreshold } of entries) {
      if (insertStock.run({ sku, lowStockThreshold, now }).changes === 0) continue;
      created.push(sku);
      if (onHand > 0) {
        ledger.move({ sku, type: 'receive', quantity: onHand, deltas: { ...ZERO_DELTAS, onHandDelta: onHand, availableDelta: onHand }, reason: 'opening stock', now });
      }
    }
    return created;
  }

  function adjust(input: AdjustStockInput, now: string): StockLevel {
    const { adjustmentId, sku } = input;
    const previous = selectAdjustment.get(adjustmentId);
    if (previous) {
      if (previous.sku !== sku || previous.on_hand !== input.onHand) {
        throw new InventoryError(InventoryFailure.InvalidInput, `adjustment ${adjustmentId} was already used for a different change`, {
          adjustmentId,
        });
      }
      return toStockLevel(ledger.stockOf(sku));
    }
    const stock = ledger.stockOf(sku);
    const reserved = reservedOf(countersOf(stock));
    if (input.onHand < reserved) {
      throw new InventoryError(InventoryFailure.StockBelowReserved, `on-hand ${input.onHand} of ${sku} would be below the ${reserved} units reserved`, {
        sku,
        onHand: input.onHand,
        reserved,
      });
    }
    const delta = input.onHand - stock.on_hand;
    if (delta !== 0) {
      ledger.move({
        sku,
        type: 'adjust',
        quantity: Math.abs(delta),
        deltas: { ...ZERO_DELTAS, onHandDelta: delta, availableDelta: delta },
        reason: `${input.reason} (by ${input.actor}, adjustment ${adjustmentId})`,
        now,
      });
    }
    if (input.lowStockThreshold !== undefined) updateThreshold.run(input.lowStockThreshold, now, sku, input.lowStockThreshold);
    insertAdjustment.run(adjustmentId, sku, input.onHand, now);
    return toStockLevel(ledger.stockOf(sku));
  }

  /** Units back on hand; the receipt row (same transaction) makes a retry a no-op. */
  function receive(input: ReceiveStockInput, now: string): StockLevel {
    const { receiptId, sku, quantity } = input;
    const previous = selectReceipt.get(receiptId, sku);
    if (previous) {
      if (previous.quantity !== quantity) {
        throw new InventoryError(InventoryFailure.InvalidInput, `receipt ${receiptId} was already used for a different receipt`, { receiptId });
      }
      return toStockLevel(ledger.stockOf(sku));
    }
    ledger.move({
      sku,
      type: 'receive',
      quantity,
      deltas: { ...ZERO_DELTAS, onHandDelta: quantity, availableDelta: quantity },
      reason: `${input.reason} (by ${input.actor}, receipt ${receiptId})`,
      now,
    });
    insertReceipt.run(receiptId, sku, quantity, now);
    return toStockLevel(ledger.stockOf(sku));
  }

  /** Heals one SKU inside its own short transaction; returns the fields that changed. */
  function healSku(sku: string, now: string): ReconcileStockResult['healed'] {
    return inTransaction(db, () => {
      const current = countersOf(ledger.stockOf(sku));
      const sums = reservedOfSku.get(sku);
      const target = countersFromReservations(current.onHand, {
        held: sums?.held ?? 0,
        confirmed: sums?.confirmed ?? 0,
        allocated: sums?.allocated ?? 0,
      });
      const healed = FIELDS.filter((f) => current[f] !== target[f]).map((field) => ({ sku, field, from: current[field], to: target[field] }));
      if (healed.length === 0) return healed;
      const deltas = deltasBetween(current, target);
      const quantity = Math.max(...Object.values(deltas).map((d) => Math.abs(d)));
      ledger.move({ sku, type: 'heal', quantity, deltas, reason: 'reconcile: counters recomputed from hold lines', now });
      return healed;
    });
  }

  /** Finds drifted SKUs with a plain read, then heals each under the write lock (re-checked there). */
  function reconcile(skus: readonly string[] | undefined, now: string): ReconcileStockResult {
    const list = skus === undefined ? undefined : JSON.stringify([...new Set(skus)]);
    const checked = (list === undefined ? countStock.get() : countStockAmong.get(list))?.n ?? 0;
    const drifted = list === undefined ? driftedAll.all() : driftedAmong.all(list);
    return { checked, healed: drifted.flatMap(({ sku }) => healSku(sku, now)) };
  }

  return { initializeStock, adjust, receive, reconcile };
}
