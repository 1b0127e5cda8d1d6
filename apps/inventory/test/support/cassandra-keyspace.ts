import type { Client } from 'cassandra-driver';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { migrateInventoryKeyspace } from '../../src/adapters/cassandra/migrate-inventory-keyspace.js';

export interface TestKeyspace {
  keyspace: string;
  contactPoints: string[];
  localDataCenter: string;
  /** A client bound to the keyspace (shared by the suite). */
  client(): Promise<Client>;
  /** Another client bound to the keyspace (as another process would have); closed by drop(). */
  newClient(): Promise<Client>;
  /** Empties every inventory table (a fresh store for the next test). */
  truncate(): Promise<void>;
  /** Drops the keyspace and shuts every client down. */
  drop(): Promise<void>;
}

/**
 * One throwaway inventory keyspace on the run's Cassandra, migrated on first use. Tests of a file
 * share it and start from empty tables (TRUNCATE, ~2 s for all tables) rather than paying a new
 * keyspace's DDL (~10 s) each.
 */
export function createTestKeyspace(prefix: string): TestKeyspace {
  const keyspace = uniqueStoreName(prefix);
  let settings: { contactPoints: string[]; localDataCenter: string } | undefined;
  const cassandra = () => (settings ??= requireTestStores().cassandra);
  const clients: Client[] = [];
  let migrated: Promise<Client> | undefined;
  let tables: string[] | undefined;

  const open = (bound: boolean): Client => {
    const client = createCassandraClient({
      ...cassandra(),
      applicationName: 'inventory-tests',
      ...(bound ? { keyspace } : {}),
    });
    clients.push(client);
    return client;
  };

  const client = (): Promise<Client> => {
    migrated ??= (async () => {
      const admin = open(false);
      await migrateInventoryKeyspace(admin, keyspace);
      return admin;
    })();
    return migrated;
  };

  return {
    keyspace,
    get contactPoints() {
      return cassandra().contactPoints;
    },
    get localDataCenter() {
      return cassandra().localDataCenter;
    },
    client,
    async newClient() {
      await client();
      return open(true);
    },
    async truncate() {
      const admin = await client();
      if (tables === undefined) {
        const result = await admin.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [keyspace], { prepare: true });
        tables = result.rows.map((row) => String(row.get('table_name'))).filter((name) => !name.startsWith('schema_migration'));
      }
      await Promise.all(tables.map((table) => admin.execute(`TRUNCATE ${keyspace}.${table}`, [], { readTimeout: 60_000 })));
    },
    async drop() {
      try {
        if (migrated !== undefined) await (await migrated).execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
      } finally {
        await Promise.all(clients.map((c) => c.shutdown()));
      }
    },
  };
}
