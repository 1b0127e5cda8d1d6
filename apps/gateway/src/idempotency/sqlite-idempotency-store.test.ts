import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeIdempotencyStoreContract,
  manualClock,
} from '../../test/contract/idempotency-store.contract.js';
import { createSqliteIdempotencyStore, migrateGatewayStore } from './sqlite-idempotency-store.js';

const HOUR = 3600_000;

describe('SQLite idempotency store', () => {
  let dir: string;
  let file: string;
  const handles: SqliteDatabase[] = [];
  const open = (): SqliteDatabase => {
    const db = openDatabase({ filename: file });
    migrateGatewayStore(db);
    handles.push(db);
    return db;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-idem-'));
    file = join(dir, 'commerce.db');
  });
  afterAll(() => {
    for (const db of handles) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describeIdempotencyStoreContract('sqlite', ({ clock, inProgressLeaseMs }) => {
    const db = open();
    return {
      store: createSqliteIdempotencyStore({ db, clock, inProgressLeaseMs }),
      // Another process's connection to the same database file.
      another: () => createSqliteIdempotencyStore({ db: open(), clock, inProgressLeaseMs }),
    };
  });

  it('creates its table under the gateway migration owner, idempotently', () => {
    const db = open();
    migrateGatewayStore(db);
    const owners = db
      .prepare("SELECT owner, version FROM schema_migrations WHERE owner = 'gateway'")
      .all();
    expect(owners).toEqual([{ owner: 'gateway', version: 1 }]);
    const table = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'gateway_idempotency_keys'",
      )
      .get();
    expect(table).toEqual({ name: 'gateway_idempotency_keys' });
  });

  it('purges expired rows and counts them', async () => {
    const db = open();
    db.prepare('DELETE FROM gateway_idempotency_keys').run();
    const clock = manualClock();
    const store = createSqliteIdempotencyStore({ db, clock });
    const scope = (key: string) => ({ principal: 'p', method: 'POST', route: '/r', key });
    await store.begin(scope('old'), 'h');
    clock.advance(23 * HOUR);
    await store.begin(scope('new'), 'h');
    clock.advance(1 * HOUR);
    expect(await store.purgeExpired()).toBe(1);
    const keys = db.prepare('SELECT idempotency_key AS key FROM gateway_idempotency_keys').all();
    expect(keys).toEqual([{ key: 'new' }]);
  });
});
