import { types, type Client } from 'cassandra-driver';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { readMigrationFiles, type MigrationFile } from './cql-files.js';
import { MigrationError } from './migration-error.js';
import { assertKeyspaceName } from './names.js';

export interface MigrateKeyspaceOptions {
  /** The keyspace to create (if missing) and migrate, e.g. `commerce_inventory`. */
  keyspace: string;
  /** Folder of `NNN-name.cql` files, e.g. `infra/cassandra/cql/commerce_inventory`. */
  cqlDir: string;
  /**
   * Replication of a NEW keyspace (an existing keyspace keeps its own), default
   * `{ class: 'SimpleStrategy', replication_factor: 1 }`; production passes NetworkTopologyStrategy.
   */
  replication?: Record<string, string | number>;
  /** Wait at most this long for another migrator's lock (default 5 min). */
  lockWaitMs?: number;
  /** Lease of the lock row (TTL, renewed after each statement) so a crashed migrator frees it (default 120 s). */
  lockLeaseSeconds?: number;
}

export interface AppliedMigration {
  version: number;
  name: string;
  durationMs: number;
}

export interface MigrateKeyspaceResult {
  keyspace: string;
  /** Files applied by this call, in order. */
  applied: AppliedMigration[];
  /** Versions that were already applied (by earlier runs or a concurrent migrator). */
  alreadyApplied: number[];
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

const LOCK_ID = 'migrate';
const DDL = { prepare: false, readTimeout: 60_000 } as const;
// Lock and bookkeeping are cluster-wide facts: QUORUM writes, SERIAL (linearizable) Paxos.
const LWT = {
  prepare: true,
  consistency: types.consistencies.quorum,
  serialConsistency: types.consistencies.serial,
};
const LINEARIZABLE_READ = { prepare: true, consistency: types.consistencies.serial };

function cqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function replicationLiteral(replication: Record<string, string | number>): string {
  const entries = Object.entries(replication);
  if (typeof replication.class !== 'string' || replication.class.trim() === '') {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `replication needs a 'class', got ${JSON.stringify(replication)}`,
    );
  }
  return `{${entries.map(([key, value]) => `${cqlString(key)}: ${cqlString(String(value))}`).join(', ')}}`;
}

async function readApplied(client: Client, keyspace: string): Promise<Map<number, AppliedRow>> {
  const result = await client.execute(
    `SELECT version, name, checksum FROM ${keyspace}.schema_migrations`,
    [],
    LINEARIZABLE_READ,
  );
  const applied = new Map<number, AppliedRow>();
  for (const row of result.rows) {
    const version = Number(row.get('version'));
    applied.set(version, {
      version,
      name: String(row.get('name')),
      checksum: String(row.get('checksum')),
    });
  }
  return applied;
}

/** Refuses edited applied files and applied versions whose file is gone; returns the pending files. */
function pendingFiles(
  files: MigrationFile[],
  applied: Map<number, AppliedRow>,
  cqlDir: string,
): MigrationFile[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const row of applied.values()) {
    const file = byVersion.get(row.version);
    if (file === undefined) {
      throw new MigrationError(
        'MISSING_MIGRATION',
        `version ${row.version} (${row.name}) is applied but has no file in ${cqlDir}; applied migrations must never be removed`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'CHECKSUM_MISMATCH',
        `${file.fileName} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… recorded, ` +
          `${file.checksum.slice(0, 12)}… on disk); restore it and put the change in a new file`,
      );
    }
  }
  return files.filter((file) => !applied.has(file.version));
}

/**
 * Creates `keyspace` if missing and applies the CQL files of `cqlDir` that it has not applied yet,
 * in version order, recording each in `<keyspace>.schema_migrations` (version, name, checksum,
 * applied_at).
 *
 * - Idempotent: a second run applies nothing. An applied file that was edited (checksum) or
 *   deleted is refused before anything is executed.
 * - Concurrency: migrators of one keyspace take turns through a lock row written with a
 *   lightweight transaction (`INSERT … IF NOT EXISTS USING TTL`, owner-checked renew and
 *   release); whoever gets it re-reads `schema_migrations` with SERIAL consistency and applies
 *   only what is still pending, so each file runs once however many processes start together.
 *   Serialising the DDL (rather than letting two processes race `CREATE … IF NOT EXISTS`) also
 *   avoids Cassandra's concurrent-schema-change conflicts. Only the bootstrap statements (the
 *   keyspace and the two bookkeeping tables, all IF NOT EXISTS) run before the lock.
 * - Cassandra DDL is not transactional: a file that fails halfway is not recorded and is re-run
 *   from its first statement next time, so write statements idempotently (IF NOT EXISTS / IF EXISTS).
 *
 * Files use unqualified table names; the runner issues `USE <keyspace>` on `client`, so pass a
 * client that has no keyspace (or this one): it stays bound to `keyspace` afterwards.
 */
export async function migrateKeyspace(
  client: Client,
  options: MigrateKeyspaceOptions,
): Promise<MigrateKeyspaceResult> {
  const {
    keyspace,
    cqlDir,
    replication = { class: 'SimpleStrategy', replication_factor: 1 },
    lockWaitMs = 5 * 60_000,
    lockLeaseSeconds = 120,
  } = options;
  // Everything that can be checked without the server is checked before the first statement.
  try {
    assertKeyspaceName(keyspace);
  } catch (err) {
    throw new MigrationError('INVALID_MIGRATION', (err as Error).message, { cause: err });
  }
  const replicationCql = replicationLiteral(replication);
  if (!Number.isInteger(lockLeaseSeconds) || lockLeaseSeconds < 5) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `lockLeaseSeconds must be an integer ≥ 5, got ${lockLeaseSeconds}`,
    );
  }
  const files = readMigrationFiles(cqlDir);
  const bound =
    typeof client.keyspace === 'string' && client.keyspace !== '' ? client.keyspace : undefined;
  if (bound !== undefined && bound.toLowerCase() !== keyspace.toLowerCase()) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `the client is bound to keyspace ${bound}; migrate ${keyspace} with a client without a keyspace`,
    );
  }
  const ks = keyspace.toLowerCase(); // unquoted CQL names are case-insensitive

  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${ks} WITH replication = ${replicationCql}`,
    [],
    DDL,
  );
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${ks}.schema_migrations (version int PRIMARY KEY, name text, checksum text, applied_at timestamp)`,
    [],
    DDL,
  );
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${ks}.schema_migration_lock (id text PRIMARY KEY, owner text, acquired_at timestamp)`,
    [],
    DDL,
  );
  await client.execute(`USE ${ks}`, [], { prepare: false });

  // Fast path without the lock: refuse edited files, return when nothing is pending.
  const before = await readApplied(client, ks);
  if (pendingFiles(files, before, cqlDir).length === 0) {
    return { keyspace: ks, applied: [], alreadyApplied: [...before.keys()].sort((a, b) => a - b) };
  }

  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  await acquireLock(client, ks, owner, lockLeaseSeconds, lockWaitMs);
  try {
    const applied = await readApplied(client, ks);
    const pending = pendingFiles(files, applied, cqlDir);
    const done: AppliedMigration[] = [];
    for (const file of pending) {
      const started = Date.now();
      for (const [index, statement] of file.statements.entries()) {
        try {
          await client.execute(statement, [], DDL);
        } catch (err) {
          throw new MigrationError(
            'STATEMENT_FAILED',
            `${file.fileName}, statement ${index + 1} of ${file.statements.length} failed: ${(err as Error).message}` +
              `\n${statement}\n(earlier files stay applied; this file is not recorded and runs again from its first statement)`,
            { cause: err },
          );
        }
        await renewLock(client, ks, owner, lockLeaseSeconds);
      }
      const recorded = await client.execute(
        `INSERT INTO ${ks}.schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?) IF NOT EXISTS`,
        [file.version, file.name, file.checksum, new Date()],
        LWT,
      );
      if (!recorded.wasApplied()) {
        throw new MigrationError(
          'LOCK_LOST',
          `${file.fileName} was recorded by another migrator while this one held the lock`,
        );
      }
      done.push({ version: file.version, name: file.name, durationMs: Date.now() - started });
    }
    return {
      keyspace: ks,
      applied: done,
      alreadyApplied: [...applied.keys()].sort((a, b) => a - b),
    };
  } finally {
    await client
      .execute(
        `DELETE FROM ${ks}.schema_migration_lock WHERE id = ? IF owner = ?`,
        [LOCK_ID, owner],
        LWT,
      )
      .catch(() => undefined); // the lease expires on its own
  }
}

async function acquireLock(
  client: Client,
  ks: string,
  owner: string,
  leaseSeconds: number,
  waitMs: number,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  let holder = 'unknown';
  for (let attempt = 0; ; attempt++) {
    const result = await client.execute(
      `INSERT INTO ${ks}.schema_migration_lock (id, owner, acquired_at) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?`,
      [LOCK_ID, owner, new Date(), leaseSeconds],
      LWT,
    );
    if (result.wasApplied()) return;
    holder = String(result.first()?.get('owner') ?? holder);
    if (Date.now() > deadline) {
      throw new MigrationError(
        'LOCK_TIMEOUT',
        `waited ${waitMs} ms for the migration lock of ${ks}, held by ${holder} (the lock expires ${leaseSeconds} s after its holder's last renewal)`,
      );
    }
    await delay(Math.min(2_000, 200 * 2 ** Math.min(attempt, 3)) + Math.floor(Math.random() * 100));
  }
}

async function renewLock(
  client: Client,
  ks: string,
  owner: string,
  leaseSeconds: number,
): Promise<void> {
  const result = await client.execute(
    `UPDATE ${ks}.schema_migration_lock USING TTL ? SET owner = ?, acquired_at = ? WHERE id = ? IF owner = ?`,
    [leaseSeconds, owner, new Date(), LOCK_ID, owner],
    LWT,
  );
  if (!result.wasApplied()) {
    throw new MigrationError(
      'LOCK_LOST',
      `the migration lock of ${ks} expired while applying (lease ${leaseSeconds} s)`,
    );
  }
}
