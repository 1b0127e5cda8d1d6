import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { migrateOms } from '../../src/adapters/sqlite/migrations.js';

/** A fresh, migrated database file in a temp folder; cleanup closes and deletes it. */
export function createTempDatabase(prefix = 'oms-'): { db: SqliteDatabase; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'commerce.db');
  const db = openDatabase({ filename: path });
  migrateOms(db);
  return {
    db,
    path,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
