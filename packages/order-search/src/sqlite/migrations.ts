import { migrate, type Migration, type MigrationResult, type SqliteDatabase } from '@commerce/sqlite-store';

/** Migration owner in `schema_migrations`. Every table is prefixed `order_search_`. */
export const ORDER_SEARCH_OWNER = 'order-search';

const v1 = `
CREATE TABLE order_search_orders (
  seq INTEGER PRIMARY KEY,              -- stable rowid shared with order_search_fts
  order_id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  customer_id TEXT,
  placed_at TEXT NOT NULL,              -- normalised with Date#toISOString: text order is time order
  total_amount INTEGER NOT NULL,
  doc TEXT NOT NULL                     -- the OrderSearchDocument as written
);
CREATE INDEX order_search_orders_placed ON order_search_orders (placed_at, order_id);
CREATE INDEX order_search_orders_total ON order_search_orders (total_amount, order_id);
CREATE INDEX order_search_orders_status ON order_search_orders (status);
CREATE INDEX order_search_orders_customer ON order_search_orders (customer_id, placed_at);

CREATE TABLE order_search_suppliers (
  order_id TEXT NOT NULL REFERENCES order_search_orders (order_id) ON DELETE CASCADE,
  supplier TEXT NOT NULL,
  PRIMARY KEY (order_id, supplier)
) WITHOUT ROWID;
CREATE INDEX order_search_suppliers_supplier ON order_search_suppliers (supplier, order_id);

-- rowid = order_search_orders.seq. The text is already folded in TypeScript (indexTerms), the
-- same terms Elasticsearch indexes; FTS5 only splits it on spaces (WORD_CONNECTORS are token
-- characters; no diacritic folding of its own).
CREATE VIRTUAL TABLE order_search_fts USING fts5 (
  terms,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-._@'",
  prefix = '2 3'
);
`;

export const ORDER_SEARCH_MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'orders search projection', sql: v1 }];

/** Applies the projection's pending migrations (idempotent; safe when several processes start at once). */
export function migrateOrderSearch(db: SqliteDatabase): MigrationResult {
  return migrate(db, ORDER_SEARCH_OWNER, ORDER_SEARCH_MIGRATIONS);
}
