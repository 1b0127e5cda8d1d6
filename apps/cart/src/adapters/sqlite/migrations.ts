import { migrate, type Migration, type MigrationResult, type SqliteDatabase } from '@commerce/sqlite-store';

/** The migration owner of the cart domain's tables (prefixed `cart_`). */
export const CART_MIGRATION_OWNER = 'cart';

export const cartMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'coupons',
    sql: `
CREATE TABLE cart_coupons (
  code TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
`,
  },
];

export function migrateCart(db: SqliteDatabase): MigrationResult {
  return migrate(db, CART_MIGRATION_OWNER, cartMigrations);
}
