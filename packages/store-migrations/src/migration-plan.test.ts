import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { planStoreMigrations } from './migration-plan.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures', import.meta.url));
const CQL = join(FIXTURES, 'cql');
const INDICES = join(FIXTURES, 'indices');

const temps: string[] = [];
function tempCopy(): { cql: string; indices: string } {
  const root = mkdtempSync(join(tmpdir(), 'store-migrations-plan-'));
  temps.push(root);
  cpSync(FIXTURES, root, { recursive: true });
  return { cql: join(root, 'cql'), indices: join(root, 'indices') };
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('planStoreMigrations', () => {
  it('plans one keyspace per folder (prefixed, sorted) and one index per file', () => {
    const plan = planStoreMigrations({
      cqlDir: CQL,
      keyspacePrefix: 't1_',
      indicesDir: INDICES,
      indexPrefix: 'p1_',
    });
    expect(plan.keyspaces.map((k) => [k.keyspace, k.versions])).toEqual([
      ['t1_catalog', [1, 2]],
      ['t1_ledger', [1]],
    ]);
    expect(plan.keyspaces[0]?.cqlDir).toBe(join(CQL, 'catalog'));
    expect(plan.indices).toEqual([
      { index: 'p1_gadgets', fileName: 'gadgets.json' },
      { index: 'p1_widgets', fileName: 'widgets.json' },
    ]);
    expect(plan.indexPrefix).toBe('p1_');
  });

  it('refuses a folder whose name is not a keyspace name', () => {
    const dirs = tempCopy();
    mkdirSync(join(dirs.cql, 'bad-name'));
    writeFileSync(
      join(dirs.cql, 'bad-name', '001-x.cql'),
      'CREATE TABLE IF NOT EXISTS x (a int PRIMARY KEY);\n',
    );
    expect(() => planStoreMigrations({ cqlDir: dirs.cql, indicesDir: dirs.indices })).toThrow(
      /bad-name: the folder name makes the keyspace "bad-name"/,
    );
  });

  it('refuses a keyspace name that the prefix makes too long', () => {
    expect(() =>
      planStoreMigrations({ cqlDir: CQL, keyspacePrefix: 'x'.repeat(45), indicesDir: INDICES }),
    ).toThrow(/at most 48/);
  });

  it('refuses a bad CQL file name, naming the file', () => {
    const dirs = tempCopy();
    writeFileSync(join(dirs.cql, 'ledger', '2-oops.cql'), 'SELECT 1;\n');
    expect(() => planStoreMigrations({ cqlDir: dirs.cql, indicesDir: dirs.indices })).toThrow(
      /2-oops\.cql: migration files are named NNN-name\.cql/,
    );
  });

  it('refuses an empty keyspace folder and a CQL folder without keyspaces', () => {
    const dirs = tempCopy();
    mkdirSync(join(dirs.cql, 'empty'));
    expect(() => planStoreMigrations({ cqlDir: dirs.cql, indicesDir: dirs.indices })).toThrow(
      /empty holds no NNN-name\.cql files/,
    );
    const bare = mkdtempSync(join(tmpdir(), 'store-migrations-bare-'));
    temps.push(bare);
    writeFileSync(join(bare, 'README.md'), 'no keyspaces here\n');
    expect(() => planStoreMigrations({ cqlDir: bare, indicesDir: INDICES })).toThrow(
      /holds no keyspace folders/,
    );
  });

  it('refuses a missing CQL folder, a bad index file and an index folder without files', () => {
    expect(() =>
      planStoreMigrations({ cqlDir: join(CQL, 'missing'), indicesDir: INDICES }),
    ).toThrow(/cannot read the CQL folder/);
    const dirs = tempCopy();
    writeFileSync(join(dirs.indices, 'broken.json'), '{ "index_patterns": ["broken"] ');
    expect(() => planStoreMigrations({ cqlDir: dirs.cql, indicesDir: dirs.indices })).toThrow(
      /broken\.json: not valid JSON/,
    );
    const empty = mkdtempSync(join(tmpdir(), 'store-migrations-noindex-'));
    temps.push(empty);
    expect(() => planStoreMigrations({ cqlDir: CQL, indicesDir: empty })).toThrow(
      /holds no <index>\.json files/,
    );
  });
});
