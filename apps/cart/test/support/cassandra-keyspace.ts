import { createCassandraClient, migrateDomainKeyspace } from '@commerce/cassandra-store';
import { makeTestKeyspace } from '@commerce/test-kit/cassandra';

/** `createTestKeyspace(prefix)`: one throwaway cart keyspace on the run's Cassandra. */
export const createTestKeyspace = makeTestKeyspace({
  connect: createCassandraClient,
  migrate: (client, keyspace) => migrateDomainKeyspace(client, { keyspace, cqlFolder: 'cart' }),
  applicationName: 'cart-tests',
});
