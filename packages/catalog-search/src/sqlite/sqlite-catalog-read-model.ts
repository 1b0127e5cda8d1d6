import type {
  Collection,
  CollectionView,
  FacetBucket,
  PriceBucket,
  ProductFacets,
  ProductSearchQuery,
  ProductSearchResult,
  ProductView,
  StockLevelView,
} from '@commerce/contracts/inventory';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { Statement } from 'better-sqlite3';
import { LIST_FACETS, normalizeSearchQuery } from '../normalize-search-query.js';
import { PRICE_BUCKETS, type CatalogReadModel } from '../ports.js';
import { titleSortKey } from '../title-sort-key.js';
import { ftsMatchExpression } from './fts-query.js';
import { toProductRow, type ProductRow } from './product-row.js';
import {
  countSql,
  inStockFacetSql,
  listFacetSql,
  pageSql,
  priceFacetSql,
  type SqlParam,
  type SqlQuery,
} from './search-sql.js';

export interface SqliteCatalogReadModelDeps {
  /** An open database (see openDatabase) on which migrateCatalogReadModel has run. */
  db: SqliteDatabase;
}

/** Distinct search statements kept prepared per instance (they come from a small fixed vocabulary). */
const SEARCH_STATEMENT_CACHE_SIZE = 512;

/**
 * The catalog read model on SQLite: product documents with sort/filter columns, a facet table and
 * an FTS5 index in the embedded profile's database file. better-sqlite3 is synchronous, so every
 * method does its work before returning an already settled promise (errors become rejections).
 *
 * How the port's search semantics (see CatalogReadModelReader.searchProducts) map to SQLite:
 * tokens become an FTS5 expression of quoted strings (fts-query.ts) over a `unicode61
 * remove_diacritics 2` index; relevance is bm25 with per-column weights (search-sql.ts); filters
 * and facets are SQL over indexed columns and the facet table.
 * The reads of one search share one snapshot (a read transaction), so total, items and facets agree.
 */
export function createSqliteCatalogReadModel({ db }: SqliteCatalogReadModelDeps): CatalogReadModel {
  const s = prepareStatements(db);
  const searchStatements = new Map<string, Statement<SqlParam[]>>();

  const statement = (sql: string): Statement<SqlParam[]> => {
    let prepared = searchStatements.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare<SqlParam[]>(sql);
      if (searchStatements.size >= SEARCH_STATEMENT_CACHE_SIZE) {
        const oldest = searchStatements.keys().next();
        if (!oldest.done) searchStatements.delete(oldest.value);
      }
      searchStatements.set(sql, prepared);
    }
    return prepared;
  };
  const all = <Row>(q: SqlQuery): Row[] => statement(q.sql).all(...q.params) as Row[];
  const get = <Row>(q: SqlQuery): Row => statement(q.sql).get(...q.params) as Row;

  const upsertProducts = (products: readonly ProductView[]): void => {
    // Last write of an id wins within a batch; rows are derived (and checked) before any write.
    const rows = [...new Map(products.map((p) => [p.id, p])).values()].map(toProductRow);
    inTransaction(db, () => {
      for (const { columns } of rows) {
        const existing = s.seqById.get(columns.id);
        if (existing === undefined) continue;
        s.deleteFts.run(existing.seq);
        s.deleteFacets.run(columns.id);
        s.deleteProduct.run(existing.seq);
      }
      for (const { columns, fts, facets } of rows) {
        const owner = s.idByHandle.get(columns.handle);
        if (owner !== undefined) {
          throw new Error(
            `product ${columns.id}: handle "${columns.handle}" already belongs to product ${owner.id}`,
          );
        }
        const { lastInsertRowid } = s.insertProduct.run(columns);
        s.insertFts.run({ rowid: lastInsertRowid, ...fts });
        for (const { facet, value } of facets) s.insertFacet.run(columns.id, facet, value);
      }
    });
  };

  const search = db.transaction((query: ProductSearchQuery): ProductSearchResult => {
    const n = normalizeSearchQuery(query);
    const match = n.tokens.length > 0 ? ftsMatchExpression(n.tokens) : undefined;
    const { total } = get<{ total: number }>(countSql(n, match));
    const items = all<{ doc: string }>(pageSql(n, match)).map(
      (r) => JSON.parse(r.doc) as ProductView,
    );
    const list = Object.fromEntries(
      LIST_FACETS.map((facet) => [facet, all<FacetBucket>(listFacetSql(n, match, facet))]),
    ) as Pick<ProductFacets, (typeof LIST_FACETS)[number]>;
    const priceRow = get<Record<string, number>>(priceFacetSql(n, match));
    const price = PRICE_BUCKETS.map((bucket, i): PriceBucket => ({
      ...bucket,
      count: priceRow[`b${i}`] ?? 0,
    }));
    const inStock = all<{ inStock: 0 | 1; count: number }>(inStockFacetSql(n, match))
      .map((r): FacetBucket => ({ value: r.inStock === 1 ? 'true' : 'false', count: r.count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return {
      items,
      total,
      limit: n.limit,
      offset: n.offset,
      facets: { ...list, price, inStock },
    };
  });

  return {
    upsertProducts: (products) => settle(() => upsertProducts(products)),
    upsertCollections: (collections: readonly Collection[]) =>
      settle(() =>
        inTransaction(db, () => {
          for (const c of collections) {
            s.upsertCollection.run({
              handle: c.handle,
              title: c.title,
              titleSort: titleSortKey(c.title),
              description: c.description,
            });
          }
        }),
      ),
    upsertStockLevels: (levels: readonly StockLevelView[]) =>
      settle(() =>
        inTransaction(db, () => {
          for (const level of levels)
            s.upsertStockLevel.run(level.sku, level.productId, JSON.stringify(level));
        }),
      ),
    refresh: () => settle(() => undefined),
    searchProducts: (query) => settle(() => search(query)),
    getProduct: (idOrHandle) =>
      settle(() => {
        const row = s.productByIdOrHandle.get({ key: idOrHandle });
        return row === undefined ? null : (JSON.parse(row.doc) as ProductView);
      }),
    listCollections: () => settle(() => s.collections.all()),
    getCollection: (handle) => settle(() => s.collection.get(handle) ?? null),
    getStockLevel: (sku) =>
      settle(() => {
        const row = s.stockLevel.get(sku);
        return row === undefined ? null : (JSON.parse(row.doc) as StockLevelView);
      }),
    ping: () =>
      settle(() => {
        s.ping.get();
      }),
  };
}

/** Runs synchronous work as a promise: its result resolves it, its exception rejects it. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

const COLLECTION_VIEW = `SELECT c.handle AS handle, c.title AS title, c.description AS description,
  (SELECT COUNT(*) FROM catalog_product_facets f WHERE f.facet = 'collection' AND f.value = c.handle) AS productCount
  FROM catalog_collections c`;

function prepareStatements(db: SqliteDatabase) {
  try {
    return {
      seqById: db.prepare<[string], { seq: number }>(
        'SELECT seq FROM catalog_products WHERE id = ?',
      ),
      idByHandle: db.prepare<[string], { id: string }>(
        'SELECT id FROM catalog_products WHERE handle = ?',
      ),
      deleteFts: db.prepare<[number]>('DELETE FROM catalog_products_fts WHERE rowid = ?'),
      deleteFacets: db.prepare<[string]>('DELETE FROM catalog_product_facets WHERE product_id = ?'),
      deleteProduct: db.prepare<[number]>('DELETE FROM catalog_products WHERE seq = ?'),
      insertProduct: db.prepare<[ProductRow['columns']]>(
        `INSERT INTO catalog_products
           (id, handle, title, title_sort, price_min, price_max, currency, in_stock, available, created_at, supplier_type, doc)
         VALUES (@id, @handle, @title, @titleSort, @priceMin, @priceMax, @currency, @inStock, @available, @createdAt, @supplierType, @doc)`,
      ),
      insertFts: db.prepare<[{ rowid: number | bigint } & ProductRow['fts']]>(
        `INSERT INTO catalog_products_fts (rowid, title, description, vendor, tags, colors, collections)
         VALUES (@rowid, @title, @description, @vendor, @tags, @colors, @collections)`,
      ),
      insertFacet: db.prepare<[string, string, string]>(
        'INSERT INTO catalog_product_facets (product_id, facet, value) VALUES (?, ?, ?)',
      ),
      productByIdOrHandle: db.prepare<[{ key: string }], { doc: string }>(
        'SELECT doc FROM catalog_products WHERE id = @key OR handle = @key ORDER BY id = @key DESC LIMIT 1',
      ),
      upsertCollection: db.prepare<
        [{ handle: string; title: string; titleSort: string; description: string }]
      >(
        `INSERT INTO catalog_collections (handle, title, title_sort, description) VALUES (@handle, @title, @titleSort, @description)
         ON CONFLICT (handle) DO UPDATE SET title = excluded.title, title_sort = excluded.title_sort, description = excluded.description`,
      ),
      collections: db.prepare<[], CollectionView>(
        `${COLLECTION_VIEW} ORDER BY c.title_sort ASC, c.handle ASC`,
      ),
      collection: db.prepare<[string], CollectionView>(`${COLLECTION_VIEW} WHERE c.handle = ?`),
      upsertStockLevel: db.prepare<[string, string, string]>(
        `INSERT INTO catalog_stock_levels (sku, product_id, doc) VALUES (?, ?, ?)
         ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id, doc = excluded.doc`,
      ),
      stockLevel: db.prepare<[string], { doc: string }>(
        'SELECT doc FROM catalog_stock_levels WHERE sku = ?',
      ),
      ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
    };
  } catch (error) {
    throw new Error(
      'catalog read model tables are missing or outdated: run migrateCatalogReadModel(db) first',
      {
        cause: error,
      },
    );
  }
}
