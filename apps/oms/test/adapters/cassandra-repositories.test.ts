import { afterAll, describe, expect, it } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraOrderRepository } from '../../src/adapters/cassandra/cassandra-order-repository.js';
import { createCassandraTimelineRepository } from '../../src/adapters/cassandra/cassandra-timeline-repository.js';
import { describeOrderRepositoryContract } from '../contract/order-repository.contract.js';
import { describeTimelineRepositoryContract } from '../contract/timeline-repository.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra OMS repositories', () => {
  const ks = createTestKeyspace('oms');
  afterAll(() => ks.drop());

  describeOrderRepositoryContract('cassandra', async () => createCassandraOrderRepository({ client: await ks.client() }));
  describeTimelineRepositoryContract('cassandra', async () => createCassandraTimelineRepository({ client: await ks.client() }));

  it('has one table per read (designed by query)', async () => {
    const client = await ks.client();
    const result = await client.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [ks.keyspace], { prepare: true });
    const tables = result.rows.map((r) => String(r.get('table_name'))).filter((t) => !t.startsWith('schema_migration'));
    expect(tables.sort()).toEqual(['order_timeline', 'orders', 'orders_by_confirmation', 'orders_by_customer']);
  });
});
