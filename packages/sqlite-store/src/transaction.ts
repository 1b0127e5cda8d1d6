import type { SqliteDatabase } from './open-database.js';

/**
 * Runs `fn` inside BEGIN IMMEDIATE: the write lock is taken up front, so two processes doing a
 * read-check-write (e.g. a stock hold) serialise instead of both reading the old value.
 */
export function inTransaction<T>(db: SqliteDatabase, fn: () => T): T {
  return db.transaction(fn).immediate();
}
