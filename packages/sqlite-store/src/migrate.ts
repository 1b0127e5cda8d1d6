import type { SqliteDatabase } from './open-database.js';
import { inTransaction } from './transaction.js';

export interface Migration {
  /** Strictly increasing per owner. Never edit an applied migration: add a new one. */
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  owner: string;
  applied: number[];
  current: number;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  owner TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (owner, version)
)`;

/**
 * Applies the owner's pending migrations, each in its own immediate transaction together with its
 * ledger row, so concurrent processes starting at once apply each migration exactly once.
 */
export function migrate(db: SqliteDatabase, owner: string, migrations: readonly Migration[]): MigrationResult {
  const versions = migrations.map((m) => m.version);
  if (versions.some((v, i) => i > 0 && v <= (versions[i - 1] ?? -Infinity))) {
    throw new Error(`migrations of ${owner} must have strictly increasing versions`);
  }
  db.exec(LEDGER);
  const isApplied = db.prepare<[string, number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE owner = ? AND version = ?',
  );
  const record = db.prepare('INSERT INTO schema_migrations (owner, version, name, applied_at) VALUES (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    inTransaction(db, () => {
      if (isApplied.get(owner, migration.version)) return;
      db.exec(migration.sql);
      record.run(owner, migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    });
  }
  const current = db
    .prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations WHERE owner = ?')
    .get(owner)?.v ?? 0;
  return { owner, applied, current };
}
