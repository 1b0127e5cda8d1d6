import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { migrateInventory } from '../../src/adapters/sqlite/migrations.js';

export interface TempDatabase {
  dir: string;
  file: string;
  db: SqliteDatabase;
  /** Opens another connection to the same file (as another process would). */
  reopen(): SqliteDatabase;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp folder, migrated for inventory. */
export function createTempDatabase(prefix = 'inventory-'): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'commerce.db');
  const db = openDatabase({ filename: file });
  migrateInventory(db);
  const opened: SqliteDatabase[] = [db];
  return {
    dir,
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
