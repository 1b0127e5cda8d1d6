import {
  migrate,
  type Migration,
  type MigrationResult,
  type SqliteDatabase,
} from '@commerce/sqlite-store';

/** The migration owner of fulfillment's write model (tables prefixed `fulfillment_`). */
export const FULFILLMENT_MIGRATION_OWNER = 'fulfillment';
/** The owner of the `supplier_orders` search projection on SQLite (applied only when it is selected). */
export const FULFILLMENT_SEARCH_MIGRATION_OWNER = 'fulfillment-search';

export const fulfillmentMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'supplier orders, shipments, notifications sent',
    sql: `
CREATE TABLE fulfillment_supplier_orders (
  supplier_order_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  doc TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX fulfillment_supplier_orders_by_order ON fulfillment_supplier_orders (order_id, supplier_order_id);
CREATE TABLE fulfillment_shipments (
  supplier_order_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  supplier_id TEXT NOT NULL,
  tracking_number TEXT NOT NULL,
  carrier TEXT NOT NULL,
  shipped_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX fulfillment_shipments_by_order ON fulfillment_shipments (order_id, supplier_order_id);
CREATE INDEX fulfillment_shipments_by_tracking ON fulfillment_shipments (tracking_number);
CREATE TABLE fulfillment_notifications (
  notification_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX fulfillment_notifications_by_order ON fulfillment_notifications (order_id, sent_at, notification_id);
`,
  },
];

export const fulfillmentSearchMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'supplier order search projection',
    sql: `
CREATE TABLE fulfillment_supplier_order_search (
  supplier_order_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  supplier_id TEXT NOT NULL,
  strategy TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX fulfillment_supplier_order_search_by_supplier ON fulfillment_supplier_order_search (supplier_id, status, updated_at);
CREATE INDEX fulfillment_supplier_order_search_by_status ON fulfillment_supplier_order_search (status, updated_at);
CREATE INDEX fulfillment_supplier_order_search_by_order ON fulfillment_supplier_order_search (order_id);
CREATE INDEX fulfillment_supplier_order_search_by_time ON fulfillment_supplier_order_search (updated_at, supplier_order_id);
`,
  },
];

export function migrateFulfillment(db: SqliteDatabase): MigrationResult {
  return migrate(db, FULFILLMENT_MIGRATION_OWNER, fulfillmentMigrations);
}

export function migrateFulfillmentSearch(db: SqliteDatabase): MigrationResult {
  return migrate(db, FULFILLMENT_SEARCH_MIGRATION_OWNER, fulfillmentSearchMigrations);
}
