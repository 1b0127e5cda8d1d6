import { requireTestStores, uniqueStoreName } from './stores.js';

// @commerce/test-kit/cassandra — a throwaway keyspace per test file on the run's Cassandra. The
// clients and the migration are the caller's (the app's @commerce/cassandra-store functions),
// which keeps this kit free of the store packages that test with it.

/** What the kit needs of a Cassandra client (a cassandra-driver Client is one). */
export interface CassandraTestClient {
  execute(
    query: string,
    params?: unknown[],
    options?: { prepare?: boolean; readTimeout?: number },
  ): Promise<{ rows: { get(columnName: string): unknown }[] }>;
  shutdown(): Promise<void>;
}

export interface CassandraConnectOptions {
  contactPoints: string[];
  localDataCenter: string;
  /** Bind the client to this keyspace; absent for the client that migrates. */
  keyspace?: string;
  applicationName: string;
}

export interface TestKeyspaceOptions<C extends CassandraTestClient> {
  /** Opens a client, e.g. `createCassandraClient` of @commerce/cassandra-store. */
  connect: (options: CassandraConnectOptions) => C;
  /**
   * Creates and migrates the keyspace on a client without one, leaving it bound, e.g.
   * `(client, keyspace) => migrateDomainKeyspace(client, { keyspace, cqlFolder: 'oms' })`.
   */
  migrate: (client: C, keyspace: string) => Promise<unknown>;
  /** Shown in `system_views.clients` (default `commerce-tests`). */
  applicationName?: string;
}

export interface TestKeyspace<C extends CassandraTestClient> {
  keyspace: string;
  contactPoints: string[];
  localDataCenter: string;
  /** A client bound to the keyspace, migrated on first use (shared by the file). */
  client(): Promise<C>;
  /** Another client bound to the keyspace (as another process would have); closed by drop(). */
  newClient(): Promise<C>;
  /** Empties every table but the migration bookkeeping (a fresh store for the next test). */
  truncate(): Promise<void>;
  /** Drops the keyspace and shuts every client down. */
  drop(): Promise<void>;
}

const DDL_TIMEOUT = { readTimeout: 60_000 };

/**
 * An app's `createTestKeyspace(prefix)`, e.g. `makeTestKeyspace({ connect: createCassandraClient,
 * migrate: (client, keyspace) => migrateDomainKeyspace(client, { keyspace, cqlFolder: 'oms' }) })`.
 * Each call is one throwaway keyspace (`uniqueStoreName(prefix)`) on the run's Cassandra, migrated
 * on first use. Tests of a file share it and start from empty tables (TRUNCATE, ~2 s for all
 * tables) rather than paying a new keyspace's DDL (~10 s) each, or isolate by their own ids in it.
 */
export function makeTestKeyspace<C extends CassandraTestClient>(
  options: TestKeyspaceOptions<C>,
): (prefix: string) => TestKeyspace<C> {
  return (prefix) => createTestKeyspace(options, prefix);
}

function createTestKeyspace<C extends CassandraTestClient>(
  options: TestKeyspaceOptions<C>,
  prefix: string,
): TestKeyspace<C> {
  const { connect, migrate, applicationName = 'commerce-tests' } = options;
  const keyspace = uniqueStoreName(prefix);
  let settings: { contactPoints: string[]; localDataCenter: string } | undefined;
  const cassandra = () => (settings ??= requireTestStores().cassandra);
  const clients: C[] = [];
  let migrated: Promise<C> | undefined;
  let tables: string[] | undefined;

  const open = (bound: boolean): C => {
    const client = connect({
      ...cassandra(),
      applicationName,
      ...(bound ? { keyspace } : {}),
    });
    clients.push(client);
    return client;
  };

  const client = (): Promise<C> => {
    migrated ??= (async () => {
      const admin = open(false);
      await migrate(admin, keyspace);
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
        tables.map((table) => admin.execute(`TRUNCATE ${keyspace}.${table}`, [], DDL_TIMEOUT)),
      );
    },
    async drop() {
      try {
        if (migrated !== undefined) {
          const admin = await migrated;
          await admin.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], DDL_TIMEOUT);
        }
      } finally {
        await Promise.all(clients.map((c) => c.shutdown()));
      }
    },
  };
}
