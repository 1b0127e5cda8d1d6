import type { WriteStoreSettings } from '@commerce/config';
import { connectDomainKeyspace } from '@commerce/cassandra-store';
import { openDatabase } from '@commerce/sqlite-store';
import type { CouponStore } from '../ports/coupon-store.js';
import { createCassandraCouponStore } from './cassandra/cassandra-coupon-store.js';
import { migrateCart } from './sqlite/migrations.js';
import { createSqliteCouponStore } from './sqlite/sqlite-coupon-store.js';

export interface SelectedCartStores {
  coupons: CouponStore;
  /** Where it lives, for the start-up log line. */
  description: string;
  close: () => Promise<void>;
}

/**
 * The coupon store as configured: the embedded profile's shared SQLite file (table
 * `cart_coupons`, migrated here), or the cart keyspace in Cassandra (migrated here when SCHEMA_SETUP).
 */
export async function selectCartStores(settings: WriteStoreSettings): Promise<SelectedCartStores> {
  if (settings.store === 'sqlite') {
    const db = openDatabase({ filename: settings.sqlitePath });
    try {
      migrateCart(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return {
      coupons: createSqliteCouponStore({ db }),
      description: `sqlite ${settings.sqlitePath}`,
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: 'cart',
    applicationName: 'cart-worker',
  });
  return { coupons: createCassandraCouponStore({ client }), description, close };
}
