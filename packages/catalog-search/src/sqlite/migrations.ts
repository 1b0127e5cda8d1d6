import {
  migrate,
  type Migration,
  type MigrationResult,
  type SqliteDatabase,
} from '@commerce/sqlite-store';

/** Migration owner in `schema_migrations`. Every table is prefixed `catalog_`. */
export const CATALOG_READ_MODEL_OWNER = 'catalog-read-model';

const v1 = `
CREATE TABLE catalog_products (
  seq INTEGER PRIMARY KEY,              -- stable rowid shared with catalog_products_fts
  id TEXT NOT NULL UNIQUE,
  handle TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_sort TEXT NOT NULL,
  price_min INTEGER NOT NULL,
  price_max INTEGER NOT NULL,
  currency TEXT NOT NULL,
  in_stock INTEGER NOT NULL CHECK (in_stock IN (0, 1)),
  available INTEGER NOT NULL,
  created_at TEXT NOT NULL,             -- normalised with Date#toISOString, so text order is time order
  supplier_type TEXT NOT NULL,
  doc TEXT NOT NULL                     -- the ProductView as written
);
CREATE INDEX catalog_products_price_asc ON catalog_products (price_min, id);
CREATE INDEX catalog_products_price_desc ON catalog_products (price_min DESC, id);
CREATE INDEX catalog_products_newest ON catalog_products (created_at DESC, id);
CREATE INDEX catalog_products_title ON catalog_products (title_sort, id);
CREATE INDEX catalog_products_supplier ON catalog_products (supplier_type);

CREATE TABLE catalog_product_facets (
  product_id TEXT NOT NULL REFERENCES catalog_products (id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (product_id, facet, value)
) WITHOUT ROWID;
CREATE INDEX catalog_product_facets_count ON catalog_product_facets (facet, value, product_id);

-- rowid = catalog_products.seq; collections holds the product's collection handles. Column order
-- is relied on by the bm25 weights in search-sql.ts.
CREATE VIRTUAL TABLE catalog_products_fts USING fts5 (
  title, description, vendor, tags, colors, collections,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE catalog_collections (
  handle TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  title_sort TEXT NOT NULL,
  description TEXT NOT NULL
);

CREATE TABLE catalog_stock_levels (
  sku TEXT PRIMARY KEY,
  product_id TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX catalog_stock_levels_product ON catalog_stock_levels (product_id);
`;

export const CATALOG_READ_MODEL_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'catalog read model', sql: v1 },
];

/** Applies the read model's pending migrations (idempotent; safe when several processes start at once). */
export function migrateCatalogReadModel(db: SqliteDatabase): MigrationResult {
  return migrate(db, CATALOG_READ_MODEL_OWNER, CATALOG_READ_MODEL_MIGRATIONS);
}
