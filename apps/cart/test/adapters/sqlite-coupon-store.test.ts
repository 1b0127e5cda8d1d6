import { createSqliteCouponStore } from '../../src/adapters/sqlite/sqlite-coupon-store.js';
import { describeCouponStoreContract } from '../contract/coupon-store.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

describeCouponStoreContract('sqlite', () => {
  const temp = createTempDatabase('cart-coupons-');
  return {
    store: createSqliteCouponStore({ db: temp.db }),
    other: createSqliteCouponStore({ db: temp.reopen() }),
    close: () => temp.cleanup(),
  };
});
