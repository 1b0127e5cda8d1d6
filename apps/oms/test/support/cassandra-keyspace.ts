import type { Client } from 'cassandra-driver';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { migrateOmsKeyspace } from '../../src/adapters/cassandra/migrate-oms-keyspace.js';

export interface TestKeyspace {
  keyspace: string;
  /** A client bound to the keyspace, migrated on first use (shared by the file). */
  client(): Promise<Client>;
  /** Drops the keyspace and shuts the client down. */
  drop(): Promise<void>;
}

/** One throwaway oms keyspace on the run's Cassandra; tests isolate by order id within it. */
export function createTestKeyspace(prefix: string): TestKeyspace {
  const keyspace = uniqueStoreName(prefix);
  let migrated: Promise<Client> | undefined;
  return {
    keyspace,
    client() {
      migrated ??= (async () => {
        const client = createCassandraClient({ ...requireTestStores().cassandra, applicationName: 'oms-tests' });
        await migrateOmsKeyspace(client, keyspace);
        return client;
      })();
      return migrated;
    },
    async drop() {
      if (migrated === undefined) return;
      const client = await migrated;
      try {
        await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
      } finally {
        await client.shutdown();
      }
    },
  };
}
