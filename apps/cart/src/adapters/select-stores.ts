import type { WriteStoreSettings } from '@commerce/config';
import { selectWriteStore, type SelectedWriteStore } from '@commerce/worker-runtime/write-store';
import type { CouponStore } from '../ports/coupon-store.js';
import { createCassandraCouponStore } from './cassandra/cassandra-coupon-store.js';
import { migrateCart } from './sqlite/migrations.js';
import { createSqliteCouponStore } from './sqlite/sqlite-coupon-store.js';

/** The coupon store, where it lives (for the start-up log line) and `close`. */
export type SelectedCartStores = SelectedWriteStore<{ coupons: CouponStore }>;

/**
 * The coupon store as configured: the embedded profile's shared SQLite file (table
 * `cart_coupons`, migrated here), or the cart keyspace in Cassandra (migrated here when SCHEMA_SETUP).
 */
export function selectCartStores(settings: WriteStoreSettings): Promise<SelectedCartStores> {
  return selectWriteStore(settings, {
    cqlFolder: 'cart',
    applicationName: 'cart-worker',
    migrateSqlite: migrateCart,
    sqlite: (db) => ({ coupons: createSqliteCouponStore({ db }) }),
    cassandra: (client) => ({ coupons: createCassandraCouponStore({ client }) }),
  });
}
