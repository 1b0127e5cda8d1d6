import type { Client } from 'cassandra-driver';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { migrateOrderSagaKeyspace } from '../../src/adapters/cassandra/migrate-order-saga-keyspace.js';

export interface TestKeyspace {
  keyspace: string;
  /** A client bound to the migrated keyspace (shared by the suite). */
  client(): Promise<Client>;
  /** Another client bound to the keyspace (as another process would have); closed by drop(). */
  newClient(): Promise<Client>;
  /** Drops the keyspace and shuts every client down. */
  drop(): Promise<void>;
}

/** One throwaway order_saga keyspace on the run's Cassandra, migrated on first use. */
export function createTestKeyspace(prefix: string): TestKeyspace {
  const keyspace = uniqueStoreName(prefix);
  const clients: Client[] = [];
  let migrated: Promise<Client> | undefined;
  const open = (bound: boolean): Client => {
    const client = createCassandraClient({
      ...requireTestStores().cassandra,
      applicationName: 'order-saga-tests',
      ...(bound ? { keyspace } : {}),
    });
    clients.push(client);
    return client;
  };
  const client = (): Promise<Client> => {
    migrated ??= (async () => {
      const admin = open(false);
      await migrateOrderSagaKeyspace(admin, keyspace);
      return admin;
    })();
    return migrated;
  };
  return {
    keyspace,
    client,
    async newClient() {
      await client();
      return open(true);
    },
    async drop() {
      try {
        if (migrated !== undefined)
          await (
            await migrated
          ).execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
      } finally {
        await Promise.all(clients.map((c) => c.shutdown()));
      }
    },
  };
}
