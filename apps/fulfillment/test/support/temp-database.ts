import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import {
  migrateFulfillment,
  migrateFulfillmentSearch,
} from '../../src/adapters/sqlite/migrations.js';

export interface TempDatabase {
  file: string;
  db: SqliteDatabase;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp folder, migrated for fulfillment (write model and search). */
export function createTempDatabase(prefix = 'fulfillment-'): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'commerce.db');
  const db = openDatabase({ filename: file });
  migrateFulfillment(db);
  migrateFulfillmentSearch(db);
  return {
    file,
    db,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
