import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { makeTempDatabase, type TempDatabase as TempSqlite } from '@commerce/test-kit/sqlite';
import { migrateInventory } from '../../src/adapters/sqlite/migrations.js';

export type TempDatabase = TempSqlite<SqliteDatabase>;

/** `createTempDatabase(prefix?)`: a real SQLite file in a fresh temp folder, migrated for inventory. */
export const createTempDatabase: (prefix?: string) => TempDatabase = makeTempDatabase({
  open: openDatabase,
  migrate: migrateInventory,
  prefix: 'inventory-',
});
