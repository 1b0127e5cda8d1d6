import type { CouponDefinition } from '@commerce/contracts/cart';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import { definitionOf, toCoupon, type CouponStore } from '../../ports/coupon-store.js';

interface CouponRow {
  code: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

/** Coupons in the embedded profile's SQLite file (table `cart_coupons`, migrated by migrateCart). */
export function createSqliteCouponStore(deps: { db: SqliteDatabase }): CouponStore {
  const { db } = deps;
  const select = db.prepare<[string], CouponRow>('SELECT code, definition, created_at, updated_at FROM cart_coupons WHERE code = ?');
  // One statement: a concurrent first write of the same code cannot produce two rows or lose createdAt.
  const upsert = db.prepare<[string, string, string, string, string], CouponRow>(
    `INSERT INTO cart_coupons (code, definition, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at, updated_by = excluded.updated_by
     RETURNING code, definition, created_at, updated_at`,
  );
  const fromRow = (row: CouponRow) => toCoupon(row.code, JSON.parse(row.definition) as CouponDefinition, row.created_at, row.updated_at);
  return {
    get(code) {
      return Promise.resolve().then(() => {
        const row = select.get(code.toUpperCase());
        return row === undefined ? null : fromRow(row);
      });
    },
    upsert({ code, definition, actor, at }) {
      return Promise.resolve().then(() => {
        const row = upsert.get(code.toUpperCase(), JSON.stringify(definitionOf(definition)), at, at, actor);
        if (row === undefined) throw new Error(`cart_coupons: the upsert of ${code} returned no row`);
        return fromRow(row);
      });
    },
  };
}
