import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrationFiles, splitCqlStatements } from './cql-files.js';
import { MigrationError } from './migration-error.js';

describe('splitCqlStatements', () => {
  it('splits on ";" at line ends and drops whole-line and block comments', () => {
    const text = [
      '-- heading',
      '/* a block',
      '   comment; with a semicolon; */',
      'CREATE TABLE IF NOT EXISTS a (',
      '  id text PRIMARY KEY, -- note; not an end',
      '  n int',
      ');',
      '// another comment',
      "INSERT INTO a (id, n) VALUES ('x;y', 1);",
      '',
      '/* one-line */',
      'DROP TABLE IF EXISTS b;',
    ].join('\r\n');
    expect(splitCqlStatements(text)).toEqual([
      'CREATE TABLE IF NOT EXISTS a (\n  id text PRIMARY KEY, -- note; not an end\n  n int\n)',
      "INSERT INTO a (id, n) VALUES ('x;y', 1)",
      'DROP TABLE IF EXISTS b',
    ]);
  });

  it('refuses a last statement without a terminating ";"', () => {
    expect(() => splitCqlStatements('CREATE TABLE a (id text PRIMARY KEY)', 'f.cql')).toThrow(
      /f\.cql: the last statement does not end with ';'/,
    );
  });

  it('refuses an unterminated block comment and an empty statement', () => {
    expect(() => splitCqlStatements('/* open\nCREATE TABLE a (id int PRIMARY KEY);')).toThrow(
      /unterminated/,
    );
    expect(() => splitCqlStatements('  ;')).toThrow(/empty statement/);
  });
});

describe('readMigrationFiles', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function folder(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'commerce-cql-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('orders by numeric version, ignores non-.cql files and checksums normalised text', () => {
    const unix = readMigrationFiles(
      folder({ '010-b.cql': 'SELECT 1;\n', '002-a.cql': 'SELECT 2;\n', 'README.md': '# notes' }),
    );
    expect(unix.map((f) => [f.version, f.name])).toEqual([
      [2, 'a'],
      [10, 'b'],
    ]);
    rmSync(dir, { recursive: true });
    const windows = readMigrationFiles(folder({ '002-a.cql': 'SELECT 2;\r\n' }));
    expect(windows[0]?.checksum).toBe(unix[0]?.checksum);
    expect(unix[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [{ '1-short.cql': 'SELECT 1;' }, /named NNN-name\.cql/],
    [{ '001-Upper.cql': 'SELECT 1;' }, /named NNN-name\.cql/],
    [{ '001-a.cql': 'SELECT 1;', '0001-b.cql': 'SELECT 1;' }, /both have version 1/],
    [{ '001-a.cql': '-- nothing\n' }, /no CQL statements/],
    [{ '001-a.cql': 'USE other;\n' }, /keyspace statements are not allowed/],
    [
      { '001-a.cql': "CREATE KEYSPACE x WITH replication = {'class': 'SimpleStrategy'};\n" },
      /keyspace statements/,
    ],
  ])('refuses %j', (files, message) => {
    const cqlDir = folder(files);
    const error = (() => {
      try {
        readMigrationFiles(cqlDir);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe('INVALID_MIGRATION');
    expect((error as MigrationError).message).toMatch(message);
  });

  it('refuses a missing folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'commerce-cql-'));
    expect(() => readMigrationFiles(join(dir, 'absent'))).toThrow(/cannot read the CQL folder/);
  });
});
