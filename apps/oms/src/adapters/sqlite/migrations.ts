import { migrate, type Migration, type MigrationResult, type SqliteDatabase } from '@commerce/sqlite-store';

/** The migration owner of the OMS write model (tables prefixed `oms_`). */
export const OMS_MIGRATION_OWNER = 'oms';

export const omsMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'orders and timeline',
    sql: `
-- The three views of an order in one table: by id (primary key), by customer and by confirmation
-- number (indexes). doc is the OrderView as written; version guards every write.
CREATE TABLE oms_orders (
  order_id TEXT PRIMARY KEY,
  customer_key TEXT NOT NULL,
  confirmation_number TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  status TEXT NOT NULL,
  total_amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX oms_orders_by_customer ON oms_orders (customer_key, placed_at DESC, order_id);
CREATE INDEX oms_orders_by_confirmation ON oms_orders (confirmation_number);

-- The append-only status history: one row per (order, seq), never updated.
CREATE TABLE oms_order_timeline (
  order_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  event TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  reason TEXT NOT NULL,
  PRIMARY KEY (order_id, seq)
) WITHOUT ROWID;
`,
  },
];

/** Applies the OMS write model's pending migrations (idempotent; safe from several processes). */
export function migrateOms(db: SqliteDatabase): MigrationResult {
  return migrate(db, OMS_MIGRATION_OWNER, omsMigrations);
}
