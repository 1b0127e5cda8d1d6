import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from 'cassandra-driver';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCassandraClient } from '../src/client.js';
import { migrateKeyspace } from '../src/migrate-keyspace.js';
import { MigrationError } from '../src/migration-error.js';
import { copyFixtureCql, FIXTURE_CQL } from './helpers.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('migrateKeyspace against a real Cassandra', () => {
  const clients: Client[] = [];
  const keyspaces: string[] = [];
  const cleanups: (() => void)[] = [];
  let admin: Client;

  function newClient(): Client {
    if ('skipReason' in stores) throw new Error(stores.skipReason);
    const client = createCassandraClient({
      ...stores.cassandra,
      applicationName: 'cassandra-store-tests',
    });
    clients.push(client);
    return client;
  }

  function newKeyspace(): string {
    const keyspace = uniqueStoreName('mig');
    keyspaces.push(keyspace);
    return keyspace;
  }

  async function runsOf(keyspace: string): Promise<Record<string, number>> {
    const result = await admin.execute(`SELECT file, runs FROM ${keyspace}.file_runs`);
    return Object.fromEntries(
      result.rows.map((row) => [String(row.get('file')), Number(row.get('runs'))]),
    );
  }

  async function tablesOf(keyspace: string): Promise<string[]> {
    const result = await admin.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace],
    );
    return result.rows.map((row) => String(row.get('table_name'))).sort();
  }

  async function keyspaceExists(keyspace: string): Promise<boolean> {
    const result = await admin.execute(
      'SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?',
      [keyspace],
    );
    return result.rowLength === 1;
  }

  async function expectMigrationError(
    promise: Promise<unknown>,
    code: string,
    message: RegExp,
  ): Promise<void> {
    const error = await promise.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe(code);
    expect((error as MigrationError).message).toMatch(message);
  }

  beforeAll(() => {
    if (!('skipReason' in stores)) console.log(`[cassandra-store] ${stores.origin}`);
    admin = newClient();
  });

  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  afterAll(async () => {
    for (const keyspace of keyspaces)
      await admin.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    await Promise.all(clients.map((client) => client.shutdown()));
  });

  it('applies every file once in version order, records it, and a second run is a no-op', async () => {
    const keyspace = newKeyspace();
    const first = await migrateKeyspace(newClient(), { keyspace, cqlDir: FIXTURE_CQL });
    expect(first.applied.map((m) => [m.version, m.name])).toEqual([
      [1, 'create-stock'],
      [2, 'create-holds'],
      [10, 'seed-stock'],
    ]);
    expect(first.alreadyApplied).toEqual([]);
    expect(await tablesOf(keyspace)).toEqual(
      ['file_runs', 'holds', 'schema_migrations', 'schema_migration_lock', 'stock'].sort(),
    );
    const stock = await admin.execute(
      `SELECT available, reserved FROM ${keyspace}.stock WHERE sku = 'SKU-1'`,
    );
    expect([stock.first()?.get('available'), stock.first()?.get('reserved')]).toEqual([5, 0]);

    const recorded = await admin.execute(
      `SELECT version, name, checksum, applied_at FROM ${keyspace}.schema_migrations`,
    );
    const rows = recorded.rows
      .map((row) => ({
        version: Number(row.get('version')),
        name: String(row.get('name')),
        checksum: String(row.get('checksum')),
        appliedAt: row.get('applied_at') as Date,
      }))
      .sort((a, b) => a.version - b.version);
    expect(rows.map((r) => [r.version, r.name])).toEqual([
      [1, 'create-stock'],
      [2, 'create-holds'],
      [10, 'seed-stock'],
    ]);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(Math.abs(Date.now() - row.appliedAt.getTime())).toBeLessThan(10 * 60_000);
    }

    const second = await migrateKeyspace(newClient(), { keyspace, cqlDir: FIXTURE_CQL });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual([1, 2, 10]);
    expect(await runsOf(keyspace)).toEqual({ '001': 1, '002': 1, '010': 1 });
    // The lock row was released.
    const lock = await admin.execute(`SELECT id FROM ${keyspace}.schema_migration_lock`);
    expect(lock.rowLength).toBe(0);
  });

  it('applies only a file added later', async () => {
    const keyspace = newKeyspace();
    const copy = copyFixtureCql();
    cleanups.push(copy.remove);
    await migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir });
    writeFileSync(
      join(copy.dir, '011-create-journal.cql'),
      'CREATE TABLE IF NOT EXISTS journal (id timeuuid PRIMARY KEY, entry text);\n' +
        "UPDATE file_runs SET runs = runs + 1 WHERE file = '011';\n",
    );
    const result = await migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir });
    expect(result.applied.map((m) => m.version)).toEqual([11]);
    expect(result.alreadyApplied).toEqual([1, 2, 10]);
    expect(await runsOf(keyspace)).toEqual({ '001': 1, '002': 1, '010': 1, '011': 1 });
    expect(await tablesOf(keyspace)).toContain('journal');
  });

  it('refuses an applied file that was edited, and applies nothing else in that run', async () => {
    const keyspace = newKeyspace();
    const copy = copyFixtureCql();
    cleanups.push(copy.remove);
    await migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir });
    appendFileSync(join(copy.dir, '002-create-holds.cql'), '-- an innocent-looking edit\n');
    writeFileSync(
      join(copy.dir, '020-pending.cql'),
      'CREATE TABLE IF NOT EXISTS pending (id int PRIMARY KEY);\n',
    );
    await expectMigrationError(
      migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir }),
      'CHECKSUM_MISMATCH',
      /002-create-holds\.cql was changed after it was applied/,
    );
    expect(await tablesOf(keyspace)).not.toContain('pending');
    const recorded = await admin.execute(`SELECT version FROM ${keyspace}.schema_migrations`);
    expect(recorded.rowLength).toBe(3);
  });

  it('refuses a keyspace whose applied file was deleted', async () => {
    const keyspace = newKeyspace();
    const copy = copyFixtureCql();
    cleanups.push(copy.remove);
    await migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir });
    rmSync(join(copy.dir, '010-seed-stock.cql'));
    await expectMigrationError(
      migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir }),
      'MISSING_MIGRATION',
      /version 10 \(seed-stock\) is applied but has no file/,
    );
  });

  it('lets concurrent migrators apply each file exactly once', async () => {
    const keyspace = newKeyspace();
    const migrators = Array.from({ length: 4 }, () => newClient());
    const started = Date.now();
    const results = await Promise.all(
      migrators.map((client) => migrateKeyspace(client, { keyspace, cqlDir: FIXTURE_CQL })),
    );
    console.log(`[cassandra-store] 4 concurrent migrators finished in ${Date.now() - started} ms`);
    const appliedVersions = results
      .flatMap((r) => r.applied.map((m) => m.version))
      .sort((a, b) => a - b);
    expect(appliedVersions).toEqual([1, 2, 10]);
    // Counter updates are not idempotent: each file's counter is 1 only if the file ran once.
    expect(await runsOf(keyspace)).toEqual({ '001': 1, '002': 1, '010': 1 });
    const recorded = await admin.execute(`SELECT version FROM ${keyspace}.schema_migrations`);
    expect(recorded.rowLength).toBe(3);
  });

  it('does not record a failing file, keeps the earlier ones, releases the lock, and resumes after the fix', async () => {
    const keyspace = newKeyspace();
    const copy = copyFixtureCql();
    cleanups.push(copy.remove);
    const broken = join(copy.dir, '011-broken.cql');
    writeFileSync(
      broken,
      "UPDATE file_runs SET runs = runs + 1 WHERE file = '011';\nCREATE TABLEX nope (id int PRIMARY KEY);\n",
    );
    await expectMigrationError(
      migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir }),
      'STATEMENT_FAILED',
      /011-broken\.cql, statement 2 of 2 failed/,
    );
    const recorded = await admin.execute(`SELECT version FROM ${keyspace}.schema_migrations`);
    expect(recorded.rows.map((row) => Number(row.get('version'))).sort((a, b) => a - b)).toEqual([
      1, 2, 10,
    ]);
    expect(
      (await admin.execute(`SELECT id FROM ${keyspace}.schema_migration_lock`)).rowLength,
    ).toBe(0);

    writeFileSync(broken, 'CREATE TABLE IF NOT EXISTS fixed (id int PRIMARY KEY);\n');
    const started = Date.now();
    const resumed = await migrateKeyspace(newClient(), {
      keyspace,
      cqlDir: copy.dir,
      lockWaitMs: 10_000,
    });
    expect(Date.now() - started).toBeLessThan(10_000); // did not wait for a lease
    expect(resumed.applied.map((m) => m.version)).toEqual([11]);
    expect(await tablesOf(keyspace)).toContain('fixed');
  });

  it('rejects bad input before creating anything', async () => {
    const keyspace = newKeyspace();
    const copy = copyFixtureCql();
    cleanups.push(copy.remove);
    writeFileSync(join(copy.dir, '5-bad-name.cql'), 'SELECT 1;\n');
    await expectMigrationError(
      migrateKeyspace(newClient(), { keyspace, cqlDir: copy.dir }),
      'INVALID_MIGRATION',
      /5-bad-name\.cql: migration files are named NNN-name\.cql/,
    );
    await expectMigrationError(
      migrateKeyspace(newClient(), { keyspace: 'bad-name', cqlDir: FIXTURE_CQL }),
      'INVALID_MIGRATION',
      /invalid keyspace name "bad-name"/,
    );
    await expectMigrationError(
      migrateKeyspace(newClient(), {
        keyspace,
        cqlDir: FIXTURE_CQL,
        replication: { replication_factor: 1 },
      }),
      'INVALID_MIGRATION',
      /replication needs a 'class'/,
    );
    expect(await keyspaceExists(keyspace)).toBe(false);
  });

  it('refuses a client bound to another keyspace', async () => {
    const keyspace = newKeyspace();
    await migrateKeyspace(newClient(), { keyspace, cqlDir: FIXTURE_CQL });
    if ('skipReason' in stores) return;
    const bound = createCassandraClient({ ...stores.cassandra, keyspace });
    clients.push(bound);
    const other = newKeyspace();
    await expectMigrationError(
      migrateKeyspace(bound, { keyspace: other, cqlDir: FIXTURE_CQL }),
      'INVALID_MIGRATION',
      new RegExp(`client is bound to keyspace ${keyspace}`),
    );
    expect(await keyspaceExists(other)).toBe(false);
  });
});
