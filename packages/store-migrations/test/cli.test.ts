import { createCassandraClient } from '@commerce/cassandra-store';
import { createElasticsearchClient, dropIndexTemplates } from '@commerce/elasticsearch-store';
import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStoreMigrations, type StoreMigrationPlan } from '../src/migration-plan.js';
import type { StoreMigrationsReport } from '../src/run-store-migrations.js';
import { lastJson, runCli } from './run-cli.js';

const stores = testStores();
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const REPO_CQL = fileURLToPath(new URL('../../../infra/cassandra/cql', import.meta.url));
const REPO_INDICES = fileURLToPath(
  new URL('../../../infra/elasticsearch/indices', import.meta.url),
);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.skipIf('skipReason' in stores)('the store-migrations CLI against real servers', () => {
  let cassandra: ReturnType<typeof createCassandraClient>;
  let es: ReturnType<typeof createElasticsearchClient>;
  const keyspaces: string[] = [];
  const indexCleanups: { dir: string; prefix: string }[] = [];
  const temps: string[] = [];

  function env(extra: Record<string, string>): Record<string, string> {
    if ('skipReason' in stores) throw new Error(stores.skipReason);
    return {
      CASSANDRA_CONTACT_POINTS: stores.cassandra.contactPoints.join(','),
      CASSANDRA_LOCAL_DATACENTER: stores.cassandra.localDataCenter,
      ELASTICSEARCH_URL: stores.elasticsearchUrl,
      ...extra,
    };
  }

  /** Unique prefixes (registered for cleanup) so runs never meet other tests' keyspaces or indices. */
  function prefixes(plan: (prefix: string) => StoreMigrationPlan, dir: string) {
    const name = uniqueStoreName('mig');
    const prefix = `${name}_`;
    keyspaces.push(...plan(prefix).keyspaces.map((k) => k.keyspace));
    indexCleanups.push({ dir, prefix });
    return prefix;
  }

  async function keyspaceExists(keyspace: string): Promise<boolean> {
    const found = await cassandra.execute(
      'SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?',
      [keyspace],
    );
    return found.rowLength === 1;
  }

  async function recordedVersions(keyspace: string): Promise<number[]> {
    const rows = await cassandra.execute(`SELECT version FROM ${keyspace}.schema_migrations`);
    return rows.rows.map((row) => Number(row.get('version'))).sort((a, b) => a - b);
  }

  beforeAll(() => {
    if ('skipReason' in stores) return;
    console.log(`[store-migrations] ${stores.origin}`);
    cassandra = createCassandraClient({
      ...stores.cassandra,
      applicationName: 'store-migrations-tests',
    });
    es = createElasticsearchClient({ node: stores.elasticsearchUrl });
  });

  afterAll(async () => {
    for (const keyspace of keyspaces) {
      await cassandra.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    }
    for (const cleanup of indexCleanups)
      await dropIndexTemplates(es, cleanup).catch(() => undefined);
    await cassandra.shutdown();
    await es.close();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('applies every keyspace and index of the fixtures once; a second run applies nothing', async () => {
    const cqlDir = join(FIXTURES, 'cql');
    const indicesDir = join(FIXTURES, 'indices');
    const prefix = prefixes(
      (p) => planStoreMigrations({ cqlDir, keyspacePrefix: p, indicesDir, indexPrefix: p }),
      indicesDir,
    );
    const runEnv = env({
      CASSANDRA_CQL_DIR: cqlDir,
      CASSANDRA_KEYSPACE_PREFIX: prefix,
      ELASTICSEARCH_INDICES_DIR: indicesDir,
      ELASTICSEARCH_INDEX_PREFIX: prefix,
    });

    const first = await runCli(['--json'], runEnv);
    expect(first.code, first.stderr).toBe(0);
    const report1 = lastJson<StoreMigrationsReport>(first);
    expect(
      report1.keyspaces.map((k) => [k.keyspace, k.applied.map((m) => m.version), k.alreadyApplied]),
    ).toEqual([
      [`${prefix}catalog`, [1, 2], []],
      [`${prefix}ledger`, [1], []],
    ]);
    expect(report1.indices.map((i) => [i.index, i.created])).toEqual([
      [`${prefix}gadgets`, true],
      [`${prefix}widgets`, true],
    ]);
    expect(first.stderr).toMatch(new RegExp(`keyspace ${prefix}catalog: applied 001-create-items`));

    // The schema is really there.
    expect(await recordedVersions(`${prefix}catalog`)).toEqual([1, 2]);
    expect(await recordedVersions(`${prefix}ledger`)).toEqual([1]);
    const columns = await cassandra.execute(
      'SELECT column_name FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?',
      [`${prefix}catalog`, 'items'],
    );
    expect(columns.rows.map((row) => String(row.get('column_name'))).sort()).toEqual([
      'price_minor',
      'sku',
      'title',
    ]);
    expect(await es.indices.exists({ index: `${prefix}widgets` })).toBe(true);
    expect(await es.indices.existsAlias({ name: `${prefix}widgets-read` })).toBe(true);
    expect(await es.indices.existsIndexTemplate({ name: `${prefix}gadgets` })).toBe(true);

    const second = await runCli(['--json'], runEnv);
    expect(second.code, second.stderr).toBe(0);
    const report2 = lastJson<StoreMigrationsReport>(second);
    expect(report2.keyspaces.map((k) => [k.keyspace, k.applied.length, k.alreadyApplied])).toEqual([
      [`${prefix}catalog`, 0, [1, 2]],
      [`${prefix}ledger`, 0, [1]],
    ]);
    expect(report2.indices.map((i) => [i.index, i.created, i.mappingUpdated])).toEqual([
      [`${prefix}gadgets`, false, false],
      [`${prefix}widgets`, false, false],
    ]);
    expect(second.stderr).toMatch(/0 CQL file\(s\) applied, 0 index\(es\) created/);
    console.log(
      `[store-migrations] fixtures: first run ${first.durationMs} ms, second run ${second.durationMs} ms`,
    );
  });

  it("applies the project's own schema (infra/cassandra/cql, infra/elasticsearch/indices) idempotently", async () => {
    const prefix = prefixes(
      (p) =>
        planStoreMigrations({
          cqlDir: REPO_CQL,
          keyspacePrefix: p,
          indicesDir: REPO_INDICES,
          indexPrefix: p,
        }),
      REPO_INDICES,
    );
    const plan = planStoreMigrations({
      cqlDir: REPO_CQL,
      keyspacePrefix: prefix,
      indicesDir: REPO_INDICES,
      indexPrefix: prefix,
    });
    // Same settings as the compose service, but isolated by the prefixes.
    const runEnv = env({
      CASSANDRA_CQL_DIR: REPO_CQL,
      CASSANDRA_KEYSPACE_PREFIX: prefix,
      ELASTICSEARCH_INDICES_DIR: REPO_INDICES,
      ELASTICSEARCH_INDEX_PREFIX: prefix,
    });
    const first = await runCli(['--json'], runEnv);
    expect(first.code, first.stderr).toBe(0);
    const report1 = lastJson<StoreMigrationsReport>(first);
    expect(report1.keyspaces.map((k) => [k.keyspace, k.applied.map((m) => m.version)])).toEqual(
      plan.keyspaces.map((k) => [k.keyspace, k.versions]),
    );
    for (const planned of plan.keyspaces) {
      expect(await keyspaceExists(planned.keyspace)).toBe(true);
      expect(await recordedVersions(planned.keyspace)).toEqual(planned.versions);
    }
    expect(report1.indices.map((i) => [i.index, i.created])).toEqual(
      plan.indices.map((i) => [i.index, true]),
    );
    for (const index of plan.indices) {
      expect(await es.indices.exists({ index: index.index })).toBe(true);
    }

    const second = await runCli(['--json'], runEnv);
    expect(second.code, second.stderr).toBe(0);
    const report2 = lastJson<StoreMigrationsReport>(second);
    expect(report2.keyspaces.every((k) => k.applied.length === 0)).toBe(true);
    expect(report2.keyspaces.map((k) => k.alreadyApplied)).toEqual(
      plan.keyspaces.map((k) => k.versions),
    );
    expect(report2.indices.filter((i) => i.created || i.mappingUpdated)).toEqual([]);
    console.log(
      `[store-migrations] project schema (${plan.keyspaces.length} keyspace(s), ${plan.indices.length} index(es)): ` +
        `first run ${first.durationMs} ms, second run ${second.durationMs} ms`,
    );
  });

  it('changes nothing when one file is bad: every file is checked before the first statement', async () => {
    const root = mkdtempSync(join(tmpdir(), 'store-migrations-bad-'));
    temps.push(root);
    cpSync(FIXTURES, root, { recursive: true });
    writeFileSync(
      join(root, 'cql', 'ledger', '002-broken.cql'),
      'CREATE TABLE IF NOT EXISTS x (a int PRIMARY KEY)\n',
    );
    const prefix = `${uniqueStoreName('mig')}_`;
    keyspaces.push(`${prefix}catalog`, `${prefix}ledger`);
    indexCleanups.push({ dir: join(root, 'indices'), prefix });
    const run = await runCli(
      [],
      env({
        CASSANDRA_CQL_DIR: join(root, 'cql'),
        CASSANDRA_KEYSPACE_PREFIX: prefix,
        ELASTICSEARCH_INDICES_DIR: join(root, 'indices'),
        ELASTICSEARCH_INDEX_PREFIX: prefix,
      }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/002-broken\.cql: the last statement does not end with ';'/);
    // The valid keyspace folder sorts first, and still nothing was created.
    expect(await keyspaceExists(`${prefix}catalog`)).toBe(false);
    expect(await es.indices.exists({ index: `${prefix}widgets` })).toBe(false);
  });

  it('fails with the reason, and creates nothing, when a store cannot be reached', async () => {
    const prefix = `${uniqueStoreName('mig')}_`;
    indexCleanups.push({ dir: join(FIXTURES, 'indices'), prefix });
    const run = await runCli(
      [],
      env({
        CASSANDRA_CONTACT_POINTS: `127.0.0.1:${await closedPort()}`,
        STORES_READY_TIMEOUT_MS: '2000',
        CASSANDRA_CQL_DIR: join(FIXTURES, 'cql'),
        CASSANDRA_KEYSPACE_PREFIX: prefix,
        ELASTICSEARCH_INDICES_DIR: join(FIXTURES, 'indices'),
        ELASTICSEARCH_INDEX_PREFIX: prefix,
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /store migrations failed: stores not ready after 2000 ms: Cassandra \(/,
    );
    expect(await es.indices.exists({ index: `${prefix}widgets` })).toBe(false);
  });
});

describe('the store-migrations CLI without servers', () => {
  it('--check validates and prints the plan without contacting a store', async () => {
    const run = await runCli(['--check', '--json'], {
      // Nothing listens there: --check must not try.
      CASSANDRA_CONTACT_POINTS: '127.0.0.1:1',
      ELASTICSEARCH_URL: 'http://127.0.0.1:1',
      CASSANDRA_CQL_DIR: join(FIXTURES, 'cql'),
      ELASTICSEARCH_INDICES_DIR: join(FIXTURES, 'indices'),
    });
    expect(run.code, run.stderr).toBe(0);
    const { plan } = lastJson<{ plan: StoreMigrationPlan }>(run);
    expect(plan.keyspaces.map((k) => k.keyspace)).toEqual(['catalog', 'ledger']);
    expect(plan.indices.map((i) => i.index)).toEqual(['gadgets', 'widgets']);
  });

  it('refuses bad configuration with every problem and exit status 2', async () => {
    const run = await runCli([], { ELASTICSEARCH_URL: 'not-a-url', CASSANDRA_REPLICATION: '{}' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/CASSANDRA_CONTACT_POINTS/);
    expect(run.stderr).toMatch(/ELASTICSEARCH_URL/);
    const unknown = await runCli(['--force'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown argument\(s\): --force/);
  });
});
