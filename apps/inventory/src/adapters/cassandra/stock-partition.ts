import { types, type Client } from 'cassandra-driver';
import type { StockLevel, StockMovement } from '@commerce/contracts/inventory';
import { isLowStock, type StockCounters } from '../../domain/stock-counters.js';
import { int, iso, optInt, optText, text, type CqlRow } from './cql-values.js';

/** What a clustering row of an SKU's stock partition is. */
export type EntryKind = 'hold' | 'adjustment' | 'receipt';

/** The static part of an SKU's partition: its stock row. */
export interface StockHead {
  sku: string;
  counters: StockCounters;
  lowStockThreshold: number;
  version: number;
  updatedAt: string;
  /** Id of the last compare-and-set that changed this row (settles an unknown outcome). */
  lastOp: string | null;
  /** The last movement applied, kept until the next one (re-journaled by the next writer). */
  lastMove: StockMovement | null;
}

/** A clustering row: a reservation of a hold (kind 'hold'), an applied-adjustment or a receipt marker. */
export interface StockEntry {
  kind: EntryKind;
  ref: string;
  status: string;
  quantity: number;
  supplierId: string | null;
  holdRev: number | null;
}

/** The values an entry is written with. */
export type EntryValues = Pick<StockEntry, 'status' | 'quantity' | 'supplierId' | 'holdRev'>;

const HEAD_COLUMNS = 'sku, on_hand, available, held, confirmed, allocated, low_stock_threshold, version, updated_at, last_op, last_move';
const ENTRY_COLUMNS = 'kind, ref, status, quantity, supplier_id, hold_rev';

function toHead(row: CqlRow): StockHead | null {
  // A partition whose static row was never written (only possible by hand) has no stock.
  if (optInt(row, 'version') === null) return null;
  const lastMove = optText(row, 'last_move');
  return {
    sku: text(row, 'sku'),
    counters: {
      onHand: int(row, 'on_hand'),
      available: int(row, 'available'),
      held: int(row, 'held'),
      confirmed: int(row, 'confirmed'),
      allocated: int(row, 'allocated'),
    },
    lowStockThreshold: int(row, 'low_stock_threshold'),
    version: int(row, 'version'),
    updatedAt: iso(row, 'updated_at'),
    lastOp: optText(row, 'last_op'),
    lastMove: lastMove === null ? null : (JSON.parse(lastMove) as StockMovement),
  };
}

function toEntry(row: CqlRow): StockEntry | null {
  const status = optText(row, 'status');
  const kind = optText(row, 'kind');
  // Rows whose cells all expired (terminal reservations past their retention) read as nulls.
  if (status === null || kind === null) return null;
  return {
    kind: kind as EntryKind,
    ref: text(row, 'ref'),
    status,
    quantity: optInt(row, 'quantity') ?? 0,
    supplierId: optText(row, 'supplier_id'),
    holdRev: optInt(row, 'hold_rev'),
  };
}

export function toStockLevel(head: StockHead): StockLevel {
  return {
    sku: head.sku,
    ...head.counters,
    lowStockThreshold: head.lowStockThreshold,
    lowStock: isLowStock(head.counters.available, head.lowStockThreshold),
    version: head.version,
    updatedAt: head.updatedAt,
  };
}

/** One compare-and-set of a stock partition: the new static row, and optionally one entry. */
export interface StockCasStatement {
  sku: string;
  expectVersion: number;
  head: Omit<StockHead, 'sku'>;
  entry?: {
    kind: EntryKind;
    ref: string;
    /** The entry as read (null: absent); the write applies only if it is still so. */
    expect: EntryValues | null;
    /** New values, or null to delete the entry. */
    next: EntryValues | null;
    /** Seconds the new values live (0: forever). */
    ttlSeconds: number;
    changedAt: string;
  };
}

/** Reads and compare-and-set writes of the `stock` table. */
export function createStockPartitions(client: Client) {
  const readOptions = { prepare: true } as const;

  const headValues = (head: StockCasStatement['head']) => [
    head.counters.onHand,
    head.counters.available,
    head.counters.held,
    head.counters.confirmed,
    head.counters.allocated,
    head.lowStockThreshold,
    head.version,
    new Date(head.updatedAt),
    head.lastOp,
    head.lastMove === null ? null : JSON.stringify(head.lastMove),
  ];

  async function readHead(sku: string, options: { serial?: boolean } = {}): Promise<StockHead | null> {
    const result = await client.execute(`SELECT ${HEAD_COLUMNS} FROM stock WHERE sku = ? LIMIT 1`, [sku], {
      ...readOptions,
      ...(options.serial ? { consistency: types.consistencies.localSerial } : {}),
    });
    const row = result.rows[0];
    return row === undefined ? null : toHead(row);
  }

  async function readEntry(sku: string, kind: EntryKind, ref: string): Promise<StockEntry | null> {
    const result = await client.execute(`SELECT ${ENTRY_COLUMNS} FROM stock WHERE sku = ? AND kind = ? AND ref = ?`, [sku, kind, ref], readOptions);
    const row = result.rows[0];
    return row === undefined ? null : toEntry(row);
  }

  /**
   * The stock row and every entry of one kind. One page is one consistent snapshot of the
   * partition; a partition longer than a page is read in several, and a write conditioned on the
   * version of the first page then fails if anything changed meanwhile.
   */
  async function readPartition(sku: string, kind: EntryKind): Promise<{ head: StockHead | null; entries: StockEntry[] }> {
    let head: StockHead | null = null;
    const entries: StockEntry[] = [];
    let pageState: string | undefined;
    do {
      const result = await client.execute(`SELECT ${HEAD_COLUMNS}, ${ENTRY_COLUMNS} FROM stock WHERE sku = ?`, [sku], {
        ...readOptions,
        fetchSize: 5_000,
        ...(pageState === undefined ? {} : { pageState }),
      });
      for (const row of result.rows) {
        head ??= toHead(row);
        const entry = toEntry(row);
        if (entry?.kind === kind) entries.push(entry);
      }
      pageState = result.pageState ?? undefined;
    } while (pageState !== undefined);
    return { head, entries };
  }

  /** Creates an SKU's stock row unless the SKU has one; true when it was created. */
  async function create(sku: string, head: StockCasStatement['head']): Promise<boolean> {
    const result = await client.execute(
      `INSERT INTO stock (${HEAD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS`,
      [sku, ...headValues(head)],
      { prepare: true },
    );
    return result.wasApplied();
  }

  const updateHead = `UPDATE stock SET on_hand = ?, available = ?, held = ?, confirmed = ?, allocated = ?, low_stock_threshold = ?,
    version = ?, updated_at = ?, last_op = ?, last_move = ? WHERE sku = ? IF version = ?`;
  const entryCondition = 'IF status = ? AND quantity = ? AND supplier_id = ? AND hold_rev = ?';
  const updateEntry = `UPDATE stock USING TTL ? SET status = ?, quantity = ?, supplier_id = ?, hold_rev = ?, changed_at = ?
    WHERE sku = ? AND kind = ? AND ref = ? ${entryCondition}`;
  const deleteEntry = `DELETE FROM stock WHERE sku = ? AND kind = ? AND ref = ? ${entryCondition}`;

  const expected = (e: EntryValues | null) => [e?.status ?? null, e?.quantity ?? null, e?.supplierId ?? null, e?.holdRev ?? null];

  /**
   * One lightweight transaction: the stock row changes only if its version is still the one
   * read (and the entry still as read); the entry changes with it, atomically. Resolves to
   * whether it applied; rejects when the outcome is unknown (e.g. a timeout).
   */
  async function compareAndSet(statement: StockCasStatement): Promise<boolean> {
    const { sku, entry } = statement;
    const head = { query: updateHead, params: [...headValues(statement.head), sku, statement.expectVersion] };
    if (entry === undefined) {
      return (await client.execute(head.query, head.params, { prepare: true })).wasApplied();
    }
    const key = [sku, entry.kind, entry.ref];
    const second =
      entry.next === null
        ? { query: deleteEntry, params: [...key, ...expected(entry.expect)] }
        : {
            query: updateEntry,
            params: [entry.ttlSeconds, entry.next.status, entry.next.quantity, entry.next.supplierId, entry.next.holdRev, new Date(entry.changedAt), ...key, ...expected(entry.expect)],
          };
    return (await client.batch([head, second], { prepare: true })).wasApplied();
  }

  return { readHead, readEntry, readPartition, create, compareAndSet };
}

export type StockPartitions = ReturnType<typeof createStockPartitions>;
