import { afterAll, describe } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraCouponStore } from '../../src/adapters/cassandra/cassandra-coupon-store.js';
import { describeCouponStoreContract } from '../contract/coupon-store.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra coupon store', () => {
  const ks = createTestKeyspace('cart_coupons');
  afterAll(() => ks.drop());

  // Codes are unique per test, so the tests share the keyspace.
  describeCouponStoreContract('cassandra', async () => ({
    store: createCassandraCouponStore({ client: await ks.client() }),
    other: createCassandraCouponStore({ client: await ks.newClient() }),
    close: () => undefined,
  }));
});
