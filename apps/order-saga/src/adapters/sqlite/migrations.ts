import {
  migrate,
  type Migration,
  type MigrationResult,
  type SqliteDatabase,
} from '@commerce/sqlite-store';

/** The migration owner of the order saga's tables (prefixed `saga_`). */
export const ORDER_SAGA_MIGRATION_OWNER = 'order-saga';

export const orderSagaMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'payments ledger',
    sql: `
CREATE TABLE saga_payment_ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  entry_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('authorization', 'decline', 'capture', 'void', 'refund')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  currency TEXT NOT NULL,
  operation_key TEXT NOT NULL,
  reason TEXT,
  decline_code TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (order_id, idempotency_key)
);
CREATE INDEX saga_payment_ledger_by_order ON saga_payment_ledger (order_id, seq);
`,
  },
];

export function migrateOrderSaga(db: SqliteDatabase): MigrationResult {
  return migrate(db, ORDER_SAGA_MIGRATION_OWNER, orderSagaMigrations);
}
