import { migrate, type Migration, type MigrationResult, type SqliteDatabase } from '@commerce/sqlite-store';

/** The migration owner of the inventory write model (tables prefixed `inv_`). */
export const INVENTORY_MIGRATION_OWNER = 'inventory';

const ACTIVE = "('held', 'confirmed', 'allocated')";

export const inventoryMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog and stock',
    sql: `
CREATE TABLE inv_products (
  id TEXT PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  doc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE inv_variants (
  sku TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES inv_products (id) ON DELETE CASCADE
);
CREATE INDEX inv_variants_by_product ON inv_variants (product_id);
CREATE TABLE inv_collections (
  handle TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  doc TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE inv_stock (
  sku TEXT PRIMARY KEY,
  on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
  available INTEGER NOT NULL CHECK (available >= 0),
  held INTEGER NOT NULL CHECK (held >= 0),
  confirmed INTEGER NOT NULL CHECK (confirmed >= 0),
  allocated INTEGER NOT NULL CHECK (allocated >= 0),
  low_stock_threshold INTEGER NOT NULL CHECK (low_stock_threshold >= 0),
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (on_hand = available + held + confirmed + allocated)
);
CREATE TABLE inv_holds (
  hold_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  has_held_lines INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX inv_holds_due ON inv_holds (expires_at) WHERE has_held_lines = 1;
CREATE TABLE inv_hold_lines (
  hold_id TEXT NOT NULL REFERENCES inv_holds (hold_id),
  sku TEXT NOT NULL REFERENCES inv_stock (sku),
  quantity INTEGER NOT NULL CHECK (quantity >= 0),
  status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'allocated', 'fulfilled', 'released', 'expired')),
  supplier_id TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (hold_id, sku)
);
CREATE INDEX inv_hold_lines_active ON inv_hold_lines (sku, status) WHERE status IN ${ACTIVE};
CREATE TABLE inv_stock_journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  sku TEXT NOT NULL,
  type TEXT NOT NULL,
  hold_id TEXT,
  quantity INTEGER NOT NULL,
  on_hand_delta INTEGER NOT NULL,
  available_delta INTEGER NOT NULL,
  held_delta INTEGER NOT NULL,
  confirmed_delta INTEGER NOT NULL,
  allocated_delta INTEGER NOT NULL,
  reason TEXT,
  at TEXT NOT NULL
);
CREATE INDEX inv_stock_journal_by_sku ON inv_stock_journal (sku, seq);
CREATE INDEX inv_stock_journal_by_hold ON inv_stock_journal (hold_id, seq) WHERE hold_id IS NOT NULL;
CREATE TABLE inv_stock_adjustments (
  adjustment_id TEXT PRIMARY KEY,
  sku TEXT NOT NULL,
  on_hand INTEGER NOT NULL,
  at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'stock receipts',
    sql: `
CREATE TABLE inv_stock_receipts (
  receipt_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (receipt_id, sku)
);
`,
  },
];

export function migrateInventory(db: SqliteDatabase): MigrationResult {
  return migrate(db, INVENTORY_MIGRATION_OWNER, inventoryMigrations);
}
