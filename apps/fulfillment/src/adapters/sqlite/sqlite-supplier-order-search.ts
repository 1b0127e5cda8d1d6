import type {
  SupplierOrderSearchDocument,
  SupplierOrderSearchQuery,
} from '@commerce/contracts/fulfillment';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { SupplierOrderSearch } from '../../ports/supplier-order-search.js';

type Params = Record<string, string | number>;

/** WHERE clause and parameters of a search (values always bound, never spliced). */
function whereOf(query: SupplierOrderSearchQuery): { sql: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  if (query.supplierId !== undefined) {
    clauses.push('supplier_id = @supplierId');
    params.supplierId = query.supplierId;
  }
  if (query.strategy !== undefined) {
    clauses.push('strategy = @strategy');
    params.strategy = query.strategy;
  }
  if (query.orderId !== undefined) {
    clauses.push('order_id = @orderId');
    params.orderId = query.orderId;
  }
  if (query.status !== undefined) {
    const names = query.status.map((status, i) => {
      params[`status${i}`] = status;
      return `@status${i}`;
    });
    clauses.push(`status IN (${names.join(', ')})`);
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/**
 * The `supplier_orders` search projection on SQLite (embedded profile): a plain table with an
 * index per filter, in the shared database file (migrateFulfillmentSearch first). Writes are
 * visible at once; refresh() has nothing to do.
 */
export function createSqliteSupplierOrderSearch(deps: { db: SqliteDatabase }): SupplierOrderSearch {
  const { db } = deps;
  const upsert = db.prepare<{
    id: string;
    orderId: string;
    supplierId: string;
    strategy: string;
    status: string;
    updatedAt: string;
    version: number;
    doc: string;
  }>(`
    INSERT INTO fulfillment_supplier_order_search (supplier_order_id, order_id, supplier_id, strategy, status, updated_at, version, doc)
    VALUES (@id, @orderId, @supplierId, @strategy, @status, @updatedAt, @version, @doc)
    ON CONFLICT (supplier_order_id) DO UPDATE SET
      order_id = excluded.order_id, supplier_id = excluded.supplier_id, strategy = excluded.strategy, status = excluded.status,
      updated_at = excluded.updated_at, version = excluded.version, doc = excluded.doc
    WHERE excluded.version > fulfillment_supplier_order_search.version`);
  const get = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM fulfillment_supplier_order_search WHERE supplier_order_id = ?',
  );

  return {
    upsert(documents) {
      inTransaction(db, () => {
        for (const doc of documents) {
          upsert.run({
            id: doc.supplierOrderId,
            orderId: doc.orderId,
            supplierId: doc.supplierId,
            strategy: doc.strategy,
            status: doc.status,
            updatedAt: new Date(doc.updatedAt).toISOString(),
            version: doc.version,
            doc: JSON.stringify(doc),
          });
        }
      });
      return Promise.resolve();
    },
    refresh() {
      return Promise.resolve();
    },
    search(query) {
      const { sql, params } = whereOf(query);
      const total =
        db
          .prepare<Params, { n: number }>(
            `SELECT COUNT(*) AS n FROM fulfillment_supplier_order_search ${sql}`,
          )
          .get(params)?.n ?? 0;
      const rows = db
        .prepare<Params, { doc: string }>(
          `SELECT doc FROM fulfillment_supplier_order_search ${sql} ORDER BY updated_at DESC, supplier_order_id ASC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: query.limit, offset: query.offset });
      return Promise.resolve({
        total,
        items: rows.map((row) => JSON.parse(row.doc) as SupplierOrderSearchDocument),
      });
    },
    get(supplierOrderId) {
      const row = get.get(supplierOrderId);
      return Promise.resolve(
        row === undefined ? null : (JSON.parse(row.doc) as SupplierOrderSearchDocument),
      );
    },
  };
}
