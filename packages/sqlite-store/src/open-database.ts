import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** Path of the database file (its folder is created), or ':memory:'. */
  filename: string;
  readonly?: boolean;
  /** How long a writer waits for another process's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/**
 * Opens the embedded profile's database. WAL lets every local process (workers, gateway) read
 * while one writes; `busy_timeout` makes concurrent writers queue instead of failing.
 */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const { filename, readonly = false, busyTimeoutMs = 10_000 } = options;
  if (filename !== ':memory:' && !readonly) mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename, { readonly, fileMustExist: readonly });
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
