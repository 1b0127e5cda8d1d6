import type { Client } from 'cassandra-driver';
import type { StockMovement, StockMovementType } from '@commerce/contracts/inventory';
import type { JournalQuery } from '../../ports/stock-repository.js';
import { int, iso, optText, text, type CqlRow } from './cql-values.js';
import { journalBucketOf } from './journal-seq.js';

const MOVEMENT_COLUMNS = 'seq, sku, type, hold_id, quantity, on_hand_delta, available_delta, held_delta, confirmed_delta, allocated_delta, reason, at';
const BUCKET_SCOPE = 'all';
/** Sequence numbers this process journaled lately: re-journaling them as "previous movement" is skipped. */
const RECENT_LIMIT = 10_000;

function toMovement(row: CqlRow): StockMovement {
  const holdId = optText(row, 'hold_id');
  const reason = optText(row, 'reason');
  return {
    seq: int(row, 'seq'),
    sku: text(row, 'sku'),
    type: text(row, 'type') as StockMovementType,
    ...(holdId === null ? {} : { holdId }),
    quantity: int(row, 'quantity'),
    onHandDelta: int(row, 'on_hand_delta'),
    availableDelta: int(row, 'available_delta'),
    heldDelta: int(row, 'held_delta'),
    confirmedDelta: int(row, 'confirmed_delta'),
    allocatedDelta: int(row, 'allocated_delta'),
    ...(reason === null ? {} : { reason }),
    at: iso(row, 'at'),
  };
}

const values = (m: StockMovement) =>
  [m.seq, m.sku, m.type, m.holdId ?? null, m.quantity, m.onHandDelta, m.availableDelta, m.heldDelta, m.confirmedDelta, m.allocatedDelta, m.reason ?? null, new Date(m.at)];

/**
 * The stock journal on Cassandra: each movement is written (one logged batch) to the by-SKU,
 * by-hold and by-time tables. Writes are idempotent upserts keyed by (sku, seq), so journaling a
 * movement twice (the next writer of an SKU re-journals the previous movement, see the stock
 * repository's protocol) changes nothing.
 */
export function createStockJournal(client: Client) {
  const insertBySku = `INSERT INTO stock_journal (${MOVEMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const insertByTime = `INSERT INTO stock_journal_by_time (bucket, ${MOVEMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const insertByHold = `INSERT INTO stock_journal_by_hold (hold_id, seq, sku, type, quantity, on_hand_delta, available_delta, held_delta,
    confirmed_delta, allocated_delta, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const insertBucket = 'INSERT INTO stock_journal_buckets (scope, bucket) VALUES (?, ?)';
  const recent = new Set<number>();
  const knownBuckets = new Set<number>();

  function remember(seq: number): void {
    recent.add(seq);
    if (recent.size > RECENT_LIMIT) {
      const oldest = recent.values().next();
      if (oldest.done !== true) recent.delete(oldest.value);
    }
  }

  async function write(movements: readonly (StockMovement | null)[]): Promise<void> {
    const due = movements.filter((m): m is StockMovement => m !== null && !recent.has(m.seq));
    if (due.length === 0) return;
    const newBuckets = [...new Set(due.map((m) => journalBucketOf(m.seq)))].filter((b) => !knownBuckets.has(b));
    const queries = due.flatMap((m) => [
      { query: insertBySku, params: values(m) },
      { query: insertByTime, params: [journalBucketOf(m.seq), ...values(m)] },
      ...(m.holdId === undefined
        ? []
        : [{
            query: insertByHold,
            params: [m.holdId, m.seq, m.sku, m.type, m.quantity, m.onHandDelta, m.availableDelta, m.heldDelta, m.confirmedDelta, m.allocatedDelta, m.reason ?? null, new Date(m.at)],
          }]),
    ]);
    for (const bucket of newBuckets) queries.push({ query: insertBucket, params: [BUCKET_SCOPE, bucket] });
    await client.batch(queries, { prepare: true, logged: true });
    for (const m of due) remember(m.seq);
    for (const bucket of newBuckets) knownBuckets.add(bucket);
  }

  async function readAll(query: string, params: unknown[]): Promise<CqlRow[]> {
    const rows: CqlRow[] = [];
    let pageState: string | undefined;
    do {
      const result = await client.execute(query, params, { prepare: true, fetchSize: 1_000, ...(pageState === undefined ? {} : { pageState }) });
      rows.push(...result.rows);
      pageState = result.pageState ?? undefined;
    } while (pageState !== undefined);
    return rows;
  }

  async function readByTime(afterSeq: number, limit: number): Promise<StockMovement[]> {
    const buckets = await readAll('SELECT bucket FROM stock_journal_buckets WHERE scope = ? AND bucket >= ?', [BUCKET_SCOPE, journalBucketOf(afterSeq)]);
    const movements: StockMovement[] = [];
    for (const row of buckets) {
      const remaining = limit - movements.length;
      if (remaining <= 0) break;
      const result = await client.execute(
        `SELECT ${MOVEMENT_COLUMNS} FROM stock_journal_by_time WHERE bucket = ? AND seq > ? LIMIT ?`,
        [int(row, 'bucket'), afterSeq, remaining],
        { prepare: true },
      );
      movements.push(...result.rows.map(toMovement));
    }
    return movements;
  }

  async function read({ sku, holdId, afterSeq = 0, limit = 1_000 }: JournalQuery): Promise<StockMovement[]> {
    if (holdId !== undefined) {
      // A hold's history is small (its lines × their transitions): read it whole, then filter.
      const rows = await readAll(
        `SELECT hold_id, seq, sku, type, quantity, on_hand_delta, available_delta, held_delta, confirmed_delta, allocated_delta, reason, at
         FROM stock_journal_by_hold WHERE hold_id = ? AND seq > ?`,
        [holdId, afterSeq],
      );
      return rows.map(toMovement).filter((m) => sku === undefined || m.sku === sku).slice(0, limit);
    }
    if (sku !== undefined) {
      const result = await client.execute(
        `SELECT ${MOVEMENT_COLUMNS} FROM stock_journal WHERE sku = ? AND seq > ? ORDER BY seq ASC LIMIT ?`,
        [sku, afterSeq, limit],
        { prepare: true },
      );
      return result.rows.map(toMovement);
    }
    return readByTime(afterSeq, limit);
  }

  return { write, read };
}

export type StockJournal = ReturnType<typeof createStockJournal>;
