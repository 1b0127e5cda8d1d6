import {
  MAX_FACET_VALUES,
  type NormalizedOrderSearchQuery,
  type OrderFacet,
} from '../normalize-order-search-query.js';

// SQL of one order search, built from fixed fragments: caller input only ever travels as bound
// parameters (lists as one JSON array read with json_each), so the set of distinct statements is
// small and each is prepared once per adapter instance.

export type SqlParam = string | number;
export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/**
 * The FTS5 MATCH expression of folded terms: each quoted, ANDed, the last one a prefix
 * (`"jane" AND "exa"*`). Terms hold only letters and digits; quotes are doubled regardless.
 */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((t, i) => `"${t.replaceAll('"', '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' AND ');
}

const ORDER_BY: Record<NormalizedOrderSearchQuery['sort'], string> = {
  placed_desc: 'o.placed_at DESC, o.order_id ASC',
  placed_asc: 'o.placed_at ASC, o.order_id ASC',
  total_desc: 'o.total_amount DESC, o.order_id ASC',
  total_asc: 'o.total_amount ASC, o.order_id ASC',
};

/** The conditions on `o` (order_search_orders) of the text and every filter except `except`. */
function conditions(query: NormalizedOrderSearchQuery, except?: OrderFacet): SqlQuery {
  const sql: string[] = [];
  const params: SqlParam[] = [];
  if (query.terms.length > 0) {
    sql.push('o.seq IN (SELECT rowid FROM order_search_fts WHERE order_search_fts MATCH ?)');
    params.push(ftsMatchExpression(query.terms));
  }
  if (query.status !== undefined && except !== 'status') {
    sql.push('o.status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.status));
  }
  if (query.supplier !== undefined && except !== 'supplier') {
    sql.push('o.order_id IN (SELECT order_id FROM order_search_suppliers WHERE supplier = ?)');
    params.push(query.supplier);
  }
  if (query.customerId !== undefined) {
    sql.push('o.customer_id = ?');
    params.push(query.customerId);
  }
  if (query.placedFrom !== undefined) {
    sql.push('o.placed_at >= ?');
    params.push(query.placedFrom);
  }
  if (query.placedTo !== undefined) {
    sql.push('o.placed_at <= ?');
    params.push(query.placedTo);
  }
  return { sql: sql.join(' AND '), params };
}

const where = (c: SqlQuery): string => (c.sql ? ` WHERE ${c.sql}` : '');

export function countSql(query: NormalizedOrderSearchQuery): SqlQuery {
  const c = conditions(query);
  return { sql: `SELECT COUNT(*) AS total FROM order_search_orders o${where(c)}`, params: c.params };
}

/** One page of documents in the query's order, ties broken by order id ascending. */
export function pageSql(query: NormalizedOrderSearchQuery): SqlQuery {
  const c = conditions(query);
  return {
    sql: `SELECT o.doc AS doc FROM order_search_orders o${where(c)} ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`,
    params: [...c.params, query.limit, query.offset],
  };
}

const FACET_ORDER = `GROUP BY value ORDER BY count DESC, value ASC LIMIT ${MAX_FACET_VALUES}`;

/** Status buckets over every filter but status. */
export function statusFacetSql(query: NormalizedOrderSearchQuery): SqlQuery {
  const c = conditions(query, 'status');
  return { sql: `SELECT o.status AS value, COUNT(*) AS count FROM order_search_orders o${where(c)} ${FACET_ORDER}`, params: c.params };
}

/** Supplier buckets over every filter but supplier (an order counts once per supplier). */
export function supplierFacetSql(query: NormalizedOrderSearchQuery): SqlQuery {
  const c = conditions(query, 'supplier');
  if (!c.sql) {
    return { sql: `SELECT s.supplier AS value, COUNT(*) AS count FROM order_search_suppliers s ${FACET_ORDER}`, params: [] };
  }
  return {
    sql:
      `WITH m AS MATERIALIZED (SELECT o.order_id AS id FROM order_search_orders o WHERE ${c.sql}) ` +
      `SELECT s.supplier AS value, COUNT(*) AS count FROM m CROSS JOIN order_search_suppliers s WHERE s.order_id = m.id ${FACET_ORDER}`,
    params: c.params,
  };
}
