import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { migrateOrderSaga } from '../../src/adapters/sqlite/migrations.js';

export interface TempDatabase {
  file: string;
  db: SqliteDatabase;
  /** Another connection to the same file (as another process would have). */
  reopen(): SqliteDatabase;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp folder, migrated for the order saga. */
export function createTempDatabase(prefix = 'order-saga-'): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'commerce.db');
  const db = openDatabase({ filename: file });
  migrateOrderSaga(db);
  const opened: SqliteDatabase[] = [db];
  return {
    file,
    db,
    reopen() {
      const other = openDatabase({ filename: file });
      opened.push(other);
      return other;
    },
    cleanup() {
      for (const handle of opened) if (handle.open) handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
