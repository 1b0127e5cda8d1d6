import type { Client } from 'cassandra-driver';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { migrateFulfillmentKeyspace } from '../../src/adapters/cassandra/migrate-fulfillment-keyspace.js';

export interface TestKeyspace {
  keyspace: string;
  /** A client bound to the keyspace, migrated on first use (shared by the file). */
  client(): Promise<Client>;
  /** Empties every fulfillment table (a fresh store for the next test). */
  truncate(): Promise<void>;
  /** Drops the keyspace and shuts the client down. */
  drop(): Promise<void>;
}

/** One throwaway fulfillment keyspace on the run's Cassandra; tests of a file share it and TRUNCATE between tests. */
export function createTestKeyspace(prefix: string): TestKeyspace {
  const keyspace = uniqueStoreName(prefix);
  let migrated: Promise<Client> | undefined;
  let tables: string[] | undefined;
  const client = (): Promise<Client> => {
    migrated ??= (async () => {
      const admin = createCassandraClient({
        ...requireTestStores().cassandra,
        applicationName: 'fulfillment-tests',
      });
      await migrateFulfillmentKeyspace(admin, keyspace);
      return admin;
    })();
    return migrated;
  };
  return {
    keyspace,
    client,
    async truncate() {
      const admin = await client();
      if (tables === undefined) {
        const result = await admin.execute(
          'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
          [keyspace],
          { prepare: true },
        );
        tables = result.rows
          .map((row) => String(row.get('table_name')))
          .filter((name) => !name.startsWith('schema_migration'));
      }
      await Promise.all(
        tables.map((table) =>
          admin.execute(`TRUNCATE ${keyspace}.${table}`, [], { readTimeout: 60_000 }),
        ),
      );
    },
    async drop() {
      if (migrated === undefined) return;
      const admin = await migrated;
      try {
        await admin.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
      } finally {
        await admin.shutdown();
      }
    },
  };
}
