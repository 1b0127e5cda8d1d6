import { afterAll, describe } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraStockRepository } from '../../src/adapters/cassandra/cassandra-stock-repository.js';
import { describeStockRepositoryContract } from '../contract/stock-repository.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra stock repository', () => {
  const ks = createTestKeyspace('inv_stock');
  afterAll(() => ks.drop());

  describeStockRepositoryContract('cassandra', async () => {
    const client = await ks.client();
    await ks.truncate();
    return {
      repo: createCassandraStockRepository({ client }),
      // Behind the repository's back, but still through Paxos so the next LWT orders after it.
      corruptCounters: async (sku, c) => {
        await client.execute(
          'UPDATE stock SET on_hand = ?, available = ?, held = ?, confirmed = ?, allocated = ? WHERE sku = ? IF EXISTS',
          [c.onHand, c.available, c.held, c.confirmed, c.allocated, sku],
          { prepare: true },
        );
      },
      close: () => undefined,
    };
  });
});
