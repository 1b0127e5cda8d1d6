import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// @commerce/test-kit/sqlite — a throwaway SQLite file per test. The database is opened by the
// caller's function (the app's @commerce/sqlite-store `openDatabase`), which keeps this kit free
// of the store packages that test with it.

/** What the kit needs of an open database handle (a better-sqlite3 Database is one). */
export interface ClosableDatabase {
  readonly open: boolean;
  close(): unknown;
}

export interface TempDatabaseOptions<D extends ClosableDatabase> {
  /** Opens (creating if missing) a database file: `openDatabase` of @commerce/sqlite-store. */
  open: (options: { filename: string }) => D;
  /** Migrates the first connection (the app's SQLite migrations), if any. */
  migrate?: (db: D) => unknown;
  /** Default prefix of the temp folder's name, e.g. `oms-`. */
  prefix?: string;
}

export interface TempDatabase<D extends ClosableDatabase> {
  /** The temp folder holding the file (and its WAL files). */
  dir: string;
  /** The database file. */
  file: string;
  /** The first connection, migrated. */
  db: D;
  /** Another connection to the same file (as another process would have); closed by cleanup(). */
  reopen(): D;
  /** Closes every connection still open and deletes the folder. */
  cleanup(): void;
}

/**
 * An app's `createTempDatabase(prefix?)`: each call is a real SQLite file in a fresh temp folder,
 * opened and migrated by the app's functions, e.g.
 * `makeTempDatabase({ open: openDatabase, migrate: migrateOms, prefix: 'oms-' })`.
 */
export function makeTempDatabase<D extends ClosableDatabase>(
  options: TempDatabaseOptions<D>,
): (prefix?: string) => TempDatabase<D> {
  return (prefix = options.prefix) => createTempDatabase(options, prefix ?? 'commerce-');
}

function createTempDatabase<D extends ClosableDatabase>(
  options: TempDatabaseOptions<D>,
  prefix: string,
): TempDatabase<D> {
  const { open, migrate } = options;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'commerce.db');
  const opened: D[] = [];
  const cleanup = (): void => {
    for (const handle of opened) if (handle.open) handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = open({ filename: file });
    opened.push(db);
    migrate?.(db);
    return {
      dir,
      file,
      db,
      reopen() {
        const other = open({ filename: file });
        opened.push(other);
        return other;
      },
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
