import { randomUUID } from 'node:crypto';
import type { Client } from 'cassandra-driver';
import {
  InventoryFailure,
  type AdjustStockInput,
  type ReceiveStockInput,
  type ReconcileStockResult,
  type StockLevel,
  type StockMovement,
} from '@commerce/contracts/inventory';
import { InventoryError, isInventoryError } from '../../domain/inventory-error.js';
import {
  countersFromReservations,
  deltasBetween,
  reservedOf,
  ZERO_DELTAS,
  type StockCounters,
} from '../../domain/stock-counters.js';
import type { OpeningStock } from '../../ports/stock-repository.js';
import { int, optBool, text } from './cql-values.js';
import { nextJournalSeq } from './journal-seq.js';
import { mapLimit } from './map-limit.js';
import type { SkuListing } from './sku-listing.js';
import type { StockCas } from './stock-cas.js';
import type { StockJournal } from './stock-journal.js';
import { toStockLevel, type StockPartitions } from './stock-partition.js';

const FIELDS: readonly (keyof StockCounters)[] = ['onHand', 'available', 'held', 'confirmed', 'allocated'];
const RESERVING = ['held', 'confirmed', 'allocated'] as const;
const PAGE = 500;

export interface StockMaintenanceDeps {
  client: Client;
  partitions: StockPartitions;
  cas: StockCas;
  journal: StockJournal;
  skus: SkuListing;
  retentionSeconds: number;
  /** SKUs worked on at once by initializeStock and reconcile. */
  parallelism: number;
}

/** Opening stock, admin adjustments and reconciliation on Cassandra. */
export function createStockMaintenance(deps: StockMaintenanceDeps) {
  const { client, partitions, cas, journal, skus, retentionSeconds, parallelism } = deps;
  const lwt = { prepare: true } as const;

  async function initializeStock(entries: readonly OpeningStock[], now: string): Promise<string[]> {
    const created = await mapLimit(entries, parallelism, async ({ sku, onHand, lowStockThreshold }) => {
      // Listed first: a stock row is never missing from the listing that reconcile walks.
      await skus.add([sku]);
      const receipt: StockMovement | null =
        onHand > 0
          ? { seq: nextJournalSeq(), sku, type: 'receive', quantity: onHand, ...ZERO_DELTAS, onHandDelta: onHand, availableDelta: onHand, reason: 'opening stock', at: now }
          : null;
      const applied = await partitions.create(sku, {
        counters: { onHand, available: onHand, held: 0, confirmed: 0, allocated: 0 },
        lowStockThreshold,
        version: receipt === null ? 0 : 1,
        updatedAt: now,
        lastOp: randomUUID(),
        lastMove: receipt,
      });
      // The receipt is the row's last movement: were this write lost, the SKU's next writer journals it.
      if (applied) await journal.write([receipt]);
      return applied;
    });
    return entries.filter((_, i) => created[i]).map((e) => e.sku);
  }

  async function readClaim(adjustmentId: string): Promise<{ sku: string; onHand: number; applied: boolean } | null> {
    const result = await client.execute('SELECT sku, on_hand, applied FROM stock_adjustments WHERE adjustment_id = ?', [adjustmentId], lwt);
    const row = result.rows[0];
    return row === undefined ? null : { sku: text(row, 'sku'), onHand: int(row, 'on_hand'), applied: optBool(row, 'applied') === true };
  }

  async function level(sku: string): Promise<StockLevel> {
    const head = await partitions.readHead(sku);
    if (head === null) throw new InventoryError(InventoryFailure.UnknownSku, `unknown SKU ${sku}`, { sku });
    return toStockLevel(head);
  }

  /**
   * Idempotent per adjustment id: the id is claimed (INSERT … IF NOT EXISTS, refusing reuse for a
   * different change), the stock transaction writes an applied-marker entry next to the counters
   * (so a retry after a crash sees it was applied), then the claim is marked applied.
   */
  async function adjust(input: AdjustStockInput, now: string): Promise<StockLevel> {
    const { adjustmentId, sku } = input;
    const reused = () =>
      new InventoryError(InventoryFailure.InvalidInput, `adjustment ${adjustmentId} was already used for a different change`, { adjustmentId });
    let claim = await readClaim(adjustmentId);
    if (claim === null) {
      await level(sku); // an unknown SKU is refused before anything is written
      const inserted = await client.execute(
        'INSERT INTO stock_adjustments (adjustment_id, sku, on_hand, applied, at) VALUES (?, ?, ?, false, ?) IF NOT EXISTS',
        [adjustmentId, sku, input.onHand, new Date(now)],
        lwt,
      );
      if (!inserted.wasApplied()) claim = await readClaim(adjustmentId);
    }
    if (claim !== null) {
      if (claim.sku !== sku || claim.onHand !== input.onHand) throw reused();
      if (claim.applied) return level(sku);
    }
    try {
      await cas.change(sku, { entry: { kind: 'adjustment', ref: adjustmentId } }, now, ({ head, entry }) => {
        if (entry !== null) return { result: null };
        const reserved = reservedOf(head.counters);
        if (input.onHand < reserved) {
          throw new InventoryError(InventoryFailure.StockBelowReserved, `on-hand ${input.onHand} of ${sku} would be below the ${reserved} units reserved`, {
            sku,
            onHand: input.onHand,
            reserved,
          });
        }
        const delta = input.onHand - head.counters.onHand;
        return {
          result: null,
          deltas: { ...ZERO_DELTAS, onHandDelta: delta, availableDelta: delta },
          ...(input.lowStockThreshold === undefined ? {} : { lowStockThreshold: input.lowStockThreshold }),
          entry: { next: { status: 'applied', quantity: input.onHand, supplierId: null, holdRev: null }, ttlSeconds: retentionSeconds },
          ...(delta === 0
            ? {}
            : { movement: { type: 'adjust' as const, quantity: Math.abs(delta), reason: `${input.reason} (by ${input.actor}, adjustment ${adjustmentId})` } }),
        };
      });
    } catch (error) {
      // A refused adjustment leaves its id unused, as if it had never been asked for.
      if (isInventoryError(error)) await client.execute('DELETE FROM stock_adjustments WHERE adjustment_id = ? IF applied = false', [adjustmentId], lwt);
      throw error;
    }
    await client.execute('UPDATE stock_adjustments SET applied = true WHERE adjustment_id = ? IF EXISTS', [adjustmentId], lwt);
    return level(sku);
  }

  /** Recomputes one SKU's reserved counters from its reservations; heals drift with a compare-and-set. */
  async function healSku(sku: string, now: string): Promise<ReconcileStockResult['healed'] | null> {
    try {
      const { result } = await cas.change(sku, { entries: 'hold' }, now, ({ head, entries }) => {
        const reserved = { held: 0, confirmed: 0, allocated: 0 };
        for (const entry of entries) {
          const status = RESERVING.find((s) => s === entry.status);
          if (status !== undefined) reserved[status] += entry.quantity;
        }
        const current = head.counters;
        const target = countersFromReservations(current.onHand, reserved);
        const healed = FIELDS.filter((f) => current[f] !== target[f]).map((field) => ({ sku, field, from: current[field], to: target[field] }));
        if (healed.length === 0) return { result: healed };
        const deltas = deltasBetween(current, target);
        return {
          result: healed,
          deltas,
          movement: { type: 'heal', quantity: Math.max(...Object.values(deltas).map((d) => Math.abs(d))), reason: 'reconcile: counters recomputed from hold lines' },
        };
      });
      return result;
    } catch (error) {
      if (isInventoryError(error) && error.type === InventoryFailure.UnknownSku) return null;
      throw error;
    }
  }

  /**
   * Units back on hand, idempotent per receipt id without a separate claim: the receipt marker
   * (kind 'receipt', ref = receipt id, quantity) is written in the SAME lightweight transaction as
   * the counters, so a retry — or a re-plan after an unknown outcome — reads the marker and adds
   * nothing. Markers carry no TTL: a receipt id is never applied twice (returns are rare, so the
   * partition stays small).
   */
  async function receive(input: ReceiveStockInput, now: string): Promise<StockLevel> {
    const { receiptId, sku, quantity } = input;
    const { head } = await cas.change(sku, { entry: { kind: 'receipt', ref: receiptId } }, now, ({ entry }) => {
      if (entry !== null) {
        if (entry.quantity !== quantity) {
          throw new InventoryError(InventoryFailure.InvalidInput, `receipt ${receiptId} was already used for a different receipt`, { receiptId });
        }
        return { result: null };
      }
      return {
        result: null,
        deltas: { ...ZERO_DELTAS, onHandDelta: quantity, availableDelta: quantity },
        entry: { next: { status: 'applied', quantity, supplierId: null, holdRev: null }, ttlSeconds: 0 },
        movement: { type: 'receive' as const, quantity, reason: `${input.reason} (by ${input.actor}, receipt ${receiptId})` },
      };
    });
    return toStockLevel(head);
  }

  /**
   * Every SKU (or the given ones) is read whole — counters and reservations in one partition read —
   * and healed where they disagree. O(SKUs + reservations): a sweep-time job.
   */
  async function reconcile(only: readonly string[] | undefined, now: string): Promise<ReconcileStockResult> {
    const result: ReconcileStockResult = { checked: 0, healed: [] };
    const visit = async (list: readonly string[]) => {
      const outcomes = await mapLimit(list, parallelism, (sku) => healSku(sku, now));
      for (const outcome of outcomes) {
        if (outcome === null) continue;
        result.checked++;
        result.healed.push(...outcome);
      }
    };
    if (only !== undefined) {
      await visit([...new Set(only)]);
      return result;
    }
    for (let page = await skus.page('', PAGE); page.length > 0; page = await skus.page(page.at(-1) ?? '', PAGE)) await visit(page);
    return result;
  }

  return { initializeStock, adjust, receive, reconcile };
}
