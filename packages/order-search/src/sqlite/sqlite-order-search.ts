import type { OrderSearchDocument, OrderSearchResult } from '@commerce/contracts/oms';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { Statement } from 'better-sqlite3';
import { normalizeOrderSearchQuery } from '../normalize-order-search-query.js';
import { checkOrderSearchDocument, newestPerOrder } from '../order-document.js';
import type { OrderSearch, UpsertOrdersResult } from '../ports.js';
import { countSql, pageSql, statusFacetSql, supplierFacetSql, type SqlParam, type SqlQuery } from './search-sql.js';

export interface SqliteOrderSearchDeps {
  /** An open database (openDatabase) on which migrateOrderSearch has run. */
  db: SqliteDatabase;
}

/** Distinct search statements kept prepared per instance (a small fixed vocabulary). */
const STATEMENT_CACHE_SIZE = 256;

interface Bucket {
  value: string;
  count: number;
}

/**
 * The `orders` search projection on SQLite (embedded profile): one row per order with its sort and
 * filter columns and the document as written, a supplier table for the supplier filter and facet,
 * and an FTS5 table over the folded search terms. better-sqlite3 is synchronous: every method does
 * its work before returning a settled promise (errors become rejections). A write is one
 * BEGIN IMMEDIATE transaction, so the version check and the write are atomic across processes;
 * the reads of one search share one snapshot, so total, items and facets agree.
 */
export function createSqliteOrderSearch({ db }: SqliteOrderSearchDeps): OrderSearch {
  const s = prepareStatements(db);
  const cache = new Map<string, Statement<SqlParam[]>>();
  const statement = (sql: string): Statement<SqlParam[]> => {
    let prepared = cache.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare<SqlParam[]>(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(sql, prepared);
    }
    return prepared;
  };
  const all = <Row>(q: SqlQuery): Row[] => statement(q.sql).all(...q.params) as Row[];
  const get = <Row>(q: SqlQuery): Row => statement(q.sql).get(...q.params) as Row;

  const upsert = (input: readonly OrderSearchDocument[]): UpsertOrdersResult => {
    const { docs } = newestPerOrder(input);
    const rows = docs.map((doc) => ({ doc, fields: checkOrderSearchDocument(doc) }));
    return inTransaction(db, () => {
      let written = 0;
      for (const { doc, fields } of rows) {
        const existing = s.existing.get(doc.orderId);
        if (existing !== undefined) {
          if (existing.version >= doc.version) continue;
          s.deleteFts.run(existing.seq);
          s.deleteSuppliers.run(doc.orderId);
          s.deleteOrder.run(existing.seq);
        }
        const { lastInsertRowid } = s.insertOrder.run({
          orderId: doc.orderId,
          version: doc.version,
          status: doc.status,
          customerId: doc.customerId,
          placedAt: fields.placedAt,
          totalAmount: doc.total.amount,
          doc: JSON.stringify(doc),
        });
        s.insertFts.run(lastInsertRowid, fields.terms.join(' '));
        for (const supplier of fields.suppliers) s.insertSupplier.run(doc.orderId, supplier);
        written += 1;
      }
      // Superseded documents of the batch and stale ones are both `ignored`.
      return { written, ignored: input.length - written };
    });
  };

  const search = db.transaction((query: Parameters<OrderSearch['searchOrders']>[0]): OrderSearchResult => {
    const n = normalizeOrderSearchQuery(query);
    const { total } = get<{ total: number }>(countSql(n));
    const items = all<{ doc: string }>(pageSql(n)).map((r) => JSON.parse(r.doc) as OrderSearchDocument);
    return {
      total,
      items,
      facets: { status: all<Bucket>(statusFacetSql(n)), supplier: all<Bucket>(supplierFacetSql(n)) },
    };
  });

  return {
    upsertOrders: (docs) => settle(() => upsert(docs)),
    searchOrders: (query) => settle(() => search(query)),
    getOrder: (orderId) =>
      settle(() => {
        const row = s.byId.get(orderId);
        return row === undefined ? null : (JSON.parse(row.doc) as OrderSearchDocument);
      }),
    ping: () =>
      settle(() => {
        s.ping.get();
      }),
  };
}

function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

interface OrderRow {
  orderId: string;
  version: number;
  status: string;
  customerId: string | null;
  placedAt: string;
  totalAmount: number;
  doc: string;
}

function prepareStatements(db: SqliteDatabase) {
  try {
    return {
      existing: db.prepare<[string], { seq: number; version: number }>('SELECT seq, version FROM order_search_orders WHERE order_id = ?'),
      deleteFts: db.prepare<[number]>('DELETE FROM order_search_fts WHERE rowid = ?'),
      deleteSuppliers: db.prepare<[string]>('DELETE FROM order_search_suppliers WHERE order_id = ?'),
      deleteOrder: db.prepare<[number]>('DELETE FROM order_search_orders WHERE seq = ?'),
      insertOrder: db.prepare<[OrderRow]>(
        `INSERT INTO order_search_orders (order_id, version, status, customer_id, placed_at, total_amount, doc)
         VALUES (@orderId, @version, @status, @customerId, @placedAt, @totalAmount, @doc)`,
      ),
      insertFts: db.prepare<[number | bigint, string]>('INSERT INTO order_search_fts (rowid, terms) VALUES (?, ?)'),
      insertSupplier: db.prepare<[string, string]>('INSERT INTO order_search_suppliers (order_id, supplier) VALUES (?, ?)'),
      byId: db.prepare<[string], { doc: string }>('SELECT doc FROM order_search_orders WHERE order_id = ?'),
      ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok FROM order_search_orders LIMIT 1'),
    };
  } catch (error) {
    throw new Error('orders search tables are missing or outdated: run migrateOrderSearch(db) first', { cause: error });
  }
}
