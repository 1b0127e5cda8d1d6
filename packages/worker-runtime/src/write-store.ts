import {
  connectDomainKeyspace,
  type DomainKeyspaceConnection,
} from '@commerce/cassandra-store';
import type { WriteStoreSettings } from '@commerce/config';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';

/** A domain's write-store adapters, built on whichever store the settings select. */
export interface WriteStoreAdapters<Stores extends object> {
  /** The domain's folder of `infra/cassandra/cql`, e.g. `order_saga`. */
  cqlFolder: string;
  /** The Cassandra client's name in `system_views.clients`, e.g. `order-saga-worker`. */
  applicationName: string;
  /** The domain's SQLite migrations (idempotent). */
  migrateSqlite: (db: SqliteDatabase) => void;
  /** The adapters over the (migrated) SQLite database. */
  sqlite: (db: SqliteDatabase) => Stores;
  /** The adapters over a client bound to the domain's keyspace. */
  cassandra: (client: DomainKeyspaceConnection['client']) => Stores;
}

export interface SelectWriteStoreOptions {
  /**
   * An open SQLite database to use (the caller's: not closed here). Default: the settings'
   * `sqlitePath` is opened here and `close()` closes it.
   */
  db?: SqliteDatabase;
}

/** The selected adapters, where they live and how to release what was opened for them. */
export type SelectedWriteStore<Stores extends object> = Stores & {
  /** Where they live, for the start-up log line. */
  description: string;
  /** Closes the database opened here or shuts the Cassandra client down. */
  close: () => Promise<void>;
};

/**
 * The write store STORE selects, the skeleton of every domain worker's `select-stores.ts`: the
 * embedded profile's SQLite file (the domain's migrations run here; a failed migration closes a
 * database opened here before it rethrows), or the domain's keyspace in Cassandra (created and
 * migrated here when SCHEMA_SETUP, idempotently and safely from several replicas; else it must
 * exist). The domain says only which adapters to build on either.
 */
export async function selectWriteStore<Stores extends object>(
  settings: WriteStoreSettings,
  adapters: WriteStoreAdapters<Stores>,
  options: SelectWriteStoreOptions = {},
): Promise<SelectedWriteStore<Stores>> {
  if (settings.store === 'sqlite') {
    const owned = options.db === undefined;
    const db = options.db ?? openDatabase({ filename: settings.sqlitePath });
    const close = () => {
      if (owned) db.close();
      return Promise.resolve();
    };
    try {
      adapters.migrateSqlite(db);
    } catch (error) {
      await close();
      throw error;
    }
    return { ...adapters.sqlite(db), description: `sqlite ${db.name}`, close };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: adapters.cqlFolder,
    applicationName: adapters.applicationName,
  });
  return { ...adapters.cassandra(client), description, close };
}
