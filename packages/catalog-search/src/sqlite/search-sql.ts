import { PRICE_BUCKETS } from '../ports.js';
import { SEARCH_FIELD_WEIGHTS } from '../search-field-weights.js';
import {
  LIST_FACETS,
  MAX_FACET_VALUES,
  type ListFacet,
  type NormalizedSearchQuery,
  type SearchFacet,
} from '../normalize-search-query.js';

// SQL of one catalog search, built from fixed fragments: shopper input only ever travels as bound
// parameters (lists as one JSON array read with json_each), so the set of distinct statements is
// small and each is prepared once per model instance.

export type SqlParam = string | number;
export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** bm25 weights: SEARCH_FIELD_WEIGHTS lists them in the column order of catalog_products_fts. */
const BM25 = `bm25(catalog_products_fts, ${Object.values(SEARCH_FIELD_WEIGHTS).join(', ')})`;

const FTS_FILTER =
  'p.seq IN (SELECT rowid FROM catalog_products_fts WHERE catalog_products_fts MATCH ?)';

// The unary `+` keeps the planner from using a facet filter as an index constraint on p: combined
// with the FTS rowid list on the same index it would probe every (id, rowid) pair of both lists.
// Each facet list is built once and tested per row; the FTS match or the sort order drives.
const facetRowFilter = (facet: ListFacet): string =>
  `+p.id IN (SELECT product_id FROM catalog_product_facets WHERE facet = '${facet}' AND value IN (SELECT value FROM json_each(?)))`;

const LIST_FACET_FILTERS: Record<ListFacet, string> = {
  collection: facetRowFilter('collection'),
  color: facetRowFilter('color'),
  size: facetRowFilter('size'),
  supplierType: 'p.supplier_type IN (SELECT value FROM json_each(?))',
};

const ORDER_BY: Record<Exclude<NormalizedSearchQuery['sort'], 'relevance'>, string> = {
  price_asc: 'p.price_min ASC, p.id ASC',
  price_desc: 'p.price_min DESC, p.id ASC',
  newest: 'p.created_at DESC, p.id ASC',
  title_asc: 'p.title_sort ASC, p.id ASC',
};

/**
 * The conditions on `p` (catalog_products) of every filter except `except` (disjunctive facets),
 * plus the full-text condition unless the caller joins the FTS table itself.
 */
function conditions(
  query: NormalizedSearchQuery,
  match: string | undefined,
  options: { except?: SearchFacet; ftsJoined?: boolean } = {},
): SqlQuery {
  const sql: string[] = [];
  const params: SqlParam[] = [];
  if (match !== undefined && !options.ftsJoined) {
    sql.push(FTS_FILTER);
    params.push(match);
  }
  for (const facet of LIST_FACETS) {
    const values = query.filters[facet];
    if (values === undefined || facet === options.except) continue;
    sql.push(LIST_FACET_FILTERS[facet]);
    params.push(JSON.stringify(values));
  }
  if (options.except !== 'price') {
    if (query.minPrice !== undefined) {
      sql.push('p.price_min >= ?');
      params.push(query.minPrice);
    }
    if (query.maxPrice !== undefined) {
      sql.push('p.price_min <= ?');
      params.push(query.maxPrice);
    }
  }
  if (options.except !== 'inStock' && query.inStock !== undefined) {
    sql.push('p.in_stock = ?');
    params.push(query.inStock ? 1 : 0);
  }
  return { sql: sql.join(' AND '), params };
}

const where = (c: SqlQuery, prefix = 'WHERE'): string => (c.sql ? ` ${prefix} ${c.sql}` : '');

export function countSql(query: NormalizedSearchQuery, match: string | undefined): SqlQuery {
  const c = conditions(query, match);
  return { sql: `SELECT COUNT(*) AS total FROM catalog_products p${where(c)}`, params: c.params };
}

/** One page of documents, in the query's order, ties broken by id ascending. */
export function pageSql(query: NormalizedSearchQuery, match: string | undefined): SqlQuery {
  if (query.sort === 'relevance' && match !== undefined) {
    const c = conditions(query, match, { ftsJoined: true });
    return {
      sql:
        'SELECT p.doc AS doc FROM catalog_products_fts JOIN catalog_products p ON p.seq = catalog_products_fts.rowid' +
        ` WHERE catalog_products_fts MATCH ?${where(c, 'AND')} ORDER BY ${BM25} ASC, p.id ASC LIMIT ? OFFSET ?`,
      params: [match, ...c.params, query.limit, query.offset],
    };
  }
  const order = ORDER_BY[query.sort === 'relevance' ? 'newest' : query.sort];
  const c = conditions(query, match);
  return {
    sql: `SELECT p.doc AS doc FROM catalog_products p${where(c)} ORDER BY ${order} LIMIT ? OFFSET ?`,
    params: [...c.params, query.limit, query.offset],
  };
}

/**
 * Values of one list facet with their product counts: count desc, value asc (code point), at most
 * 100. The matching products are materialised first and drive the join, so the facet table is
 * probed once per match (left to the planner, it may probe the match list once per facet row).
 */
export function listFacetSql(
  query: NormalizedSearchQuery,
  match: string | undefined,
  facet: ListFacet,
): SqlQuery {
  const c = conditions(query, match, { except: facet });
  const order = `GROUP BY f.value ORDER BY count DESC, f.value ASC LIMIT ${MAX_FACET_VALUES}`;
  if (!c.sql) {
    return {
      sql: `SELECT f.value AS value, COUNT(*) AS count FROM catalog_product_facets f WHERE f.facet = '${facet}' ${order}`,
      params: [],
    };
  }
  return {
    sql:
      `WITH m AS MATERIALIZED (SELECT p.id AS id FROM catalog_products p WHERE ${c.sql}) ` +
      `SELECT f.value AS value, COUNT(*) AS count FROM m CROSS JOIN catalog_product_facets f ` +
      `WHERE f.product_id = m.id AND f.facet = '${facet}' ${order}`,
    params: c.params,
  };
}

/** One column per PRICE_BUCKETS entry (b0, b1, ...), counted by price_min. */
export function priceFacetSql(query: NormalizedSearchQuery, match: string | undefined): SqlQuery {
  const columns = PRICE_BUCKETS.map((bucket, i) => {
    const bounds = [
      bucket.from === undefined ? undefined : `p.price_min >= ${integer(bucket.from)}`,
      bucket.to === undefined ? undefined : `p.price_min < ${integer(bucket.to)}`,
    ].filter((b) => b !== undefined);
    return `COALESCE(SUM(${bounds.length ? bounds.join(' AND ') : '1'}), 0) AS b${i}`;
  });
  const c = conditions(query, match, { except: 'price' });
  return {
    sql: `SELECT ${columns.join(', ')} FROM catalog_products p${where(c)}`,
    params: c.params,
  };
}

export function inStockFacetSql(query: NormalizedSearchQuery, match: string | undefined): SqlQuery {
  const c = conditions(query, match, { except: 'inStock' });
  return {
    sql: `SELECT p.in_stock AS inStock, COUNT(*) AS count FROM catalog_products p${where(c)} GROUP BY p.in_stock`,
    params: c.params,
  };
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`price bucket bound ${n} is not an integer`);
  return String(n);
}
