import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { makeTempDatabase, type TempDatabase as TempSqlite } from '@commerce/test-kit/sqlite';
import { migrateCart } from '../../src/adapters/sqlite/migrations.js';

export type TempDatabase = TempSqlite<SqliteDatabase>;

/** A real SQLite file in a fresh temp folder, migrated for the cart. */
export const createTempDatabase: (prefix?: string) => TempDatabase = makeTempDatabase({ open: openDatabase, migrate: migrateCart, prefix: 'cart-' });
