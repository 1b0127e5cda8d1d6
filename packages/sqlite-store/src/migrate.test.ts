import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, inTransaction } from './index.js';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'store.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const migrations = [
  { version: 1, name: 'create', sql: 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)' },
  { version: 2, name: 'column', sql: 'ALTER TABLE t ADD COLUMN w INTEGER NOT NULL DEFAULT 0' },
];

describe('sqlite-store', () => {
  it('opens a WAL database, creating its folder', () => {
    const db = openDatabase({ filename: tempDb() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(10_000);
    db.close();
  });

  it('applies migrations once and is idempotent across connections', () => {
    const file = tempDb();
    const a = openDatabase({ filename: file });
    expect(migrate(a, 'demo', migrations)).toEqual({ owner: 'demo', applied: [1, 2], current: 2 });
    const b = openDatabase({ filename: file });
    expect(migrate(b, 'demo', migrations)).toEqual({ owner: 'demo', applied: [], current: 2 });
    b.prepare('INSERT INTO t (v, w) VALUES (?, ?)').run('x', 1);
    expect(a.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    a.close();
    b.close();
  });

  it('keeps owners apart and rejects unordered migrations', () => {
    const db = openDatabase({ filename: ':memory:' });
    migrate(db, 'one', migrations.slice(0, 1));
    expect(migrate(db, 'two', [{ version: 1, name: 'other', sql: 'CREATE TABLE u (id INTEGER)' }]).applied).toEqual([1]);
    expect(() => migrate(db, 'three', [...migrations].reverse())).toThrow(/strictly increasing/);
  });

  it('rolls a failing migration back entirely', () => {
    const db = openDatabase({ filename: ':memory:' });
    const bad = [{ version: 1, name: 'half', sql: 'CREATE TABLE ok (id INTEGER); CREATE TABLE ok (id INTEGER);' }];
    expect(() => migrate(db, 'bad', bad)).toThrow();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
    expect(migrate(db, 'bad', [{ version: 1, name: 'fixed', sql: 'CREATE TABLE ok (id INTEGER)' }]).applied).toEqual([1]);
  });

  it('has FTS5 compiled in', () => {
    const db = openDatabase({ filename: ':memory:' });
    db.exec("CREATE VIRTUAL TABLE f USING fts5(body); INSERT INTO f VALUES ('durable commerce')");
    expect(db.prepare("SELECT COUNT(*) AS n FROM f WHERE f MATCH 'durable'").get()).toEqual({ n: 1 });
    expect(inTransaction(db, () => 42)).toBe(42);
  });
});
