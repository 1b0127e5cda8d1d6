export { openDatabase, type OpenDatabaseOptions, type SqliteDatabase } from './open-database.js';
export { migrate, type Migration, type MigrationResult } from './migrate.js';
export { inTransaction } from './transaction.js';
