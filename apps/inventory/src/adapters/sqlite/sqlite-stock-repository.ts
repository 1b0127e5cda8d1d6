import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { StockRepository } from '../../ports/stock-repository.js';
import { normalizeTimestamp } from '../normalize-timestamp.js';
import { settle } from './settle.js';
import { createStockLedger } from './stock-ledger.js';
import { createHoldOperations } from './stock-hold-operations.js';
import { createStockMaintenanceOperations } from './stock-maintenance-operations.js';
import { toMovement, toStockLevel, type JournalRow, type StockRow } from './stock-rows.js';

export interface SqliteStockRepositoryDeps {
  /** An open database on which `migrateInventory` has run. */
  db: SqliteDatabase;
}

/**
 * StockRepository on the embedded profile's SQLite file. Every mutation is one BEGIN IMMEDIATE
 * transaction, so concurrent processes sharing the file serialise their check-and-decrement.
 */
export function createSqliteStockRepository({ db }: SqliteStockRepositoryDeps): StockRepository {
  const ledger = createStockLedger(db);
  const holds = createHoldOperations(db, ledger);
  const maintenance = createStockMaintenanceOperations(db, ledger);
  const write = <T>(fn: () => T): T => inTransaction(db, fn);

  const selectLevels = db.prepare<[string], StockRow>('SELECT * FROM inv_stock WHERE sku IN (SELECT value FROM json_each(?))');
  const selectPage = db.prepare<[string, number], StockRow>('SELECT * FROM inv_stock WHERE sku > ? ORDER BY sku LIMIT ?');
  const selectActiveHolds = db.prepare<[string], { sku: string; n: number }>(
    `SELECT sku, COUNT(*) AS n FROM inv_hold_lines
     WHERE status IN ('held', 'confirmed', 'allocated') AND sku IN (SELECT value FROM json_each(?)) GROUP BY sku`,
  );
  const selectJournal = db.prepare<[{ sku: string | null; holdId: string | null; afterSeq: number; limit: number }], JournalRow>(
    `SELECT * FROM inv_stock_journal
     WHERE (@sku IS NULL OR sku = @sku) AND (@holdId IS NULL OR hold_id = @holdId) AND seq > @afterSeq
     ORDER BY seq LIMIT @limit`,
  );

  const mutate = <T>(now: string, fn: (at: string) => T): Promise<T> => settle(() => write(() => fn(normalizeTimestamp(now))));

  return {
    initializeStock: (entries, now) => mutate(now, (at) => maintenance.initializeStock(entries, at)),
    hold: (input, now) => mutate(now, (at) => holds.hold(input, at)),
    renew: (input, now) => mutate(now, (at) => holds.renew(input, at)),
    confirm: (input, now) => mutate(now, (at) => holds.transition('confirm', input, at)),
    allocate: (input, now) => mutate(now, (at) => holds.transition('allocate', input, at)),
    fulfill: (input, now) => mutate(now, (at) => holds.transition('fulfill', input, at)),
    release: (input, now) => mutate(now, (at) => holds.transition('release', input, at)),
    reopen: (input, now) => mutate(now, (at) => holds.reopen(input, at)),
    adjust: (input, now) => mutate(now, (at) => maintenance.adjust(input, at)),
    receive: (input, now) => mutate(now, (at) => maintenance.receive(input, at)),
    expireDue: (now, limit) => mutate(now, (at) => holds.expireDue(at, limit)),
    // Reconcile takes the write lock per drifted SKU itself.
    reconcile: (skus, now) => settle(() => maintenance.reconcile(skus, normalizeTimestamp(now))),
    getHold: (holdId) => settle(() => holds.find(holdId)),
    getLevel: (sku) => settle(() => {
      const row = ledger.findStock(sku);
      return row ? toStockLevel(row) : null;
    }),
    getLevels: (skus) => settle(() => selectLevels.all(JSON.stringify(skus)).map(toStockLevel)),
    listLevels: ({ afterSku = '', limit }) => settle(() => selectPage.all(afterSku, limit).map(toStockLevel)),
    countActiveHolds: (skus) => settle(() => Object.fromEntries(selectActiveHolds.all(JSON.stringify(skus)).map((r) => [r.sku, r.n]))),
    readJournal: ({ sku, holdId, afterSeq = 0, limit = 1_000 }) =>
      settle(() => selectJournal.all({ sku: sku ?? null, holdId: holdId ?? null, afterSeq, limit }).map(toMovement)),
  };
}
