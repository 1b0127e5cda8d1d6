import { afterAll, describe } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraNotificationLog } from '../../src/adapters/cassandra/cassandra-notification-log.js';
import { createCassandraSupplierOrderRepository } from '../../src/adapters/cassandra/cassandra-supplier-order-repository.js';
import { describeNotificationLogContract } from '../contract/notification-log.contract.js';
import { describeSupplierOrderRepositoryContract } from '../contract/supplier-order-repository.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra fulfillment stores', () => {
  const ks = createTestKeyspace('fulfillment');
  afterAll(() => ks.drop());

  describeSupplierOrderRepositoryContract('cassandra', async () => {
    const client = await ks.client();
    await ks.truncate();
    return { repo: createCassandraSupplierOrderRepository({ client }), close: () => undefined };
  });

  describeNotificationLogContract('cassandra', async () => {
    const client = await ks.client();
    await ks.truncate();
    return { log: createCassandraNotificationLog({ client }), close: () => undefined };
  });
});
