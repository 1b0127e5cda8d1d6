import { createCassandraClient } from '@commerce/cassandra-store';
import type { WriteStoreSettings } from '@commerce/config';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import {
  createCassandraIdempotencyStore,
  migrateGatewayKeyspace,
} from './cassandra-idempotency-store.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { createSqliteIdempotencyStore, migrateGatewayStore } from './sqlite-idempotency-store.js';

export interface OpenedIdempotencyStore {
  store: IdempotencyStore;
  /** `sqlite <file>` or `cassandra <keyspace>`, for the start-up log line. */
  description: string;
  /** Releases what it opened (the Cassandra client; the SQLite file is the caller's). */
  close: () => Promise<void>;
}

/**
 * The idempotency records the write-store settings select: the gateway's table in the shared
 * SQLite file (migrated here), or the `gateway` keyspace in Cassandra (migrated here unless
 * SCHEMA_SETUP=false leaves it to the migrations job) so every gateway replica shares them.
 */
export async function openIdempotencyStore(
  settings: WriteStoreSettings,
  db: SqliteDatabase,
): Promise<OpenedIdempotencyStore> {
  if (settings.store === 'sqlite') {
    migrateGatewayStore(db);
    return {
      store: createSqliteIdempotencyStore({ db }),
      description: `sqlite ${db.name}`,
      close: () => Promise.resolve(),
    };
  }
  const { contactPoints, localDataCenter, keyspace, migrate } = settings;
  if (migrate) {
    const admin = createCassandraClient({ contactPoints, localDataCenter, applicationName: 'gateway' });
    try {
      await migrateGatewayKeyspace(admin, keyspace);
    } finally {
      await admin.shutdown();
    }
  }
  const client = createCassandraClient({
    contactPoints,
    localDataCenter,
    keyspace,
    applicationName: 'gateway',
  });
  try {
    await client.connect();
  } catch (err) {
    await client.shutdown();
    throw err;
  }
  return {
    store: createCassandraIdempotencyStore({ client }),
    description: `cassandra ${keyspace}`,
    close: () => client.shutdown(),
  };
}
