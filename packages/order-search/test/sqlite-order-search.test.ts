import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrderSearch } from '../src/open-order-search.js';
import { createSqliteOrderSearch, migrateOrderSearch } from '../src/sqlite/index.js';
import { fixtureOrder } from '../src/testing/fixture-orders.js';
import { describeOrderSearchContract } from './contract/order-search.contract.js';

function harness(filename: string, cleanup: () => void = () => {}) {
  const db = openDatabase({ filename });
  migrateOrderSearch(db);
  return Promise.resolve({
    search: createSqliteOrderSearch({ db }),
    teardown: () => {
      db.close();
      cleanup();
      return Promise.resolve();
    },
  });
}

describeOrderSearchContract('sqlite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'order-search-'));
  return harness(join(dir, 'commerce.db'), () => rmSync(dir, { recursive: true, force: true }));
});

describeOrderSearchContract('sqlite :memory:', () => harness(':memory:'));

describe('SQLite orders projection', () => {
  const dirs: string[] = [];
  const dbs: SqliteDatabase[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'order-search-'));
    dirs.push(dir);
    return join(dir, 'commerce.db');
  };
  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const tableNames = (db: SqliteDatabase) =>
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((r) => r.name);

  it('migrates idempotently beside other owners’ tables, with order_search_ names only', () => {
    const db = openDatabase({ filename: tempFile() });
    dbs.push(db);
    migrate(db, 'oms', [{ version: 1, name: 'write side', sql: 'CREATE TABLE oms_orders (order_id TEXT PRIMARY KEY)' }]);
    const before = tableNames(db);
    expect(migrateOrderSearch(db)).toEqual({ owner: 'order-search', applied: [1], current: 1 });
    expect(migrateOrderSearch(db)).toEqual({ owner: 'order-search', applied: [], current: 1 });
    const added = tableNames(db).filter((name) => !before.includes(name));
    expect(added.length).toBeGreaterThan(3);
    expect(added.every((name) => name.startsWith('order_search_'))).toBe(true);
    expect(tableNames(db)).toContain('oms_orders');
  });

  it('refuses to start on a database without its tables, saying what to run', () => {
    const db = openDatabase({ filename: ':memory:' });
    dbs.push(db);
    expect(() => createSqliteOrderSearch({ db })).toThrow(/migrateOrderSearch/);
  });

  it('is shared through the file: a write by one process is read by another connection', async () => {
    const file = tempFile();
    const writer = await openOrderSearch({ search: { engine: 'sqlite' }, sqlitePath: file });
    const reader = await openOrderSearch({ search: { engine: 'sqlite' }, sqlitePath: file, migrate: false });
    try {
      expect(writer.description).toBe(`sqlite ${file}`);
      await writer.search.upsertOrders([fixtureOrder({ orderId: 'order-1', customerName: 'Ada Lovelace' })]);
      expect((await reader.search.searchOrders({ q: 'lovelace' })).items.map((d) => d.orderId)).toEqual(['order-1']);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('leaves a database it was given open, and needs one', async () => {
    const db = openDatabase({ filename: ':memory:' });
    dbs.push(db);
    const opened = await openOrderSearch({ search: { engine: 'sqlite' }, db });
    await opened.close();
    expect(db.open).toBe(true);
    await expect(openOrderSearch({ search: { engine: 'sqlite' } })).rejects.toThrow(/db` or `sqlitePath/);
  });
});
