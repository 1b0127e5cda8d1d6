import { afterAll, describe } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraCatalogRepository } from '../../src/adapters/cassandra/cassandra-catalog-repository.js';
import { describeCatalogRepositoryContract } from '../contract/catalog-repository.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra catalog repository', () => {
  const ks = createTestKeyspace('inv_catalog');
  afterAll(() => ks.drop());

  describeCatalogRepositoryContract('cassandra', async () => {
    const client = await ks.client();
    await ks.truncate();
    return { repo: createCassandraCatalogRepository({ client }), close: () => undefined };
  });
});
