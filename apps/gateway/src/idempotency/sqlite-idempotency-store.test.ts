import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import type { IdempotencyScope, IdempotencyStore } from './idempotency-store.js';
import { createSqliteIdempotencyStore, migrateGatewayStore } from './sqlite-idempotency-store.js';

const HOUR = 3600_000;

/** A clock the test moves by hand (expiry and leases without sleeping). */
function manualClock(start = '2025-01-01T00:00:00.000Z'): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

const scope = (overrides: Partial<IdempotencyScope> = {}): IdempotencyScope => ({
  principal: 'admin:bootstrap',
  method: 'PUT',
  route: '/v1/admin/inventory/:sku',
  key: 'key-1',
  ...overrides,
});
const response = {
  status: 200,
  body: '{"ok":true}',
  contentType: 'application/json; charset=utf-8',
};

describe('SQLite idempotency store', () => {
  let dir: string;
  let file: string;
  let db: SqliteDatabase;
  let clock: ReturnType<typeof manualClock>;
  let store: IdempotencyStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-idem-'));
    file = join(dir, 'commerce.db');
    db = openDatabase({ filename: file });
    migrateGatewayStore(db);
    clock = manualClock();
    store = createSqliteIdempotencyStore({ db, clock, inProgressLeaseMs: 60_000 });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its table under the gateway migration owner, idempotently', () => {
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

  it('runs the first request, then replays its stored response for the same request', async () => {
    const begun = await store.begin(scope(), 'hash-a');
    expect(begun.outcome).toBe('started');
    if (begun.outcome !== 'started') return;
    await store.complete(scope(), begun.attempt, response);
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
  });

  it('refuses the same key with a different request, in progress or completed', async () => {
    const begun = await store.begin(scope(), 'hash-a');
    expect(await store.begin(scope(), 'hash-b')).toEqual({ outcome: 'mismatch' });
    if (begun.outcome !== 'started') throw new Error('expected started');
    await store.complete(scope(), begun.attempt, response);
    expect(await store.begin(scope(), 'hash-b')).toEqual({ outcome: 'mismatch' });
  });

  it('reports a request still in progress, and lets a retry take over an abandoned one after the lease', async () => {
    const first = await store.begin(scope(), 'hash-a');
    expect(first.outcome).toBe('started');
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
    clock.advance(59_000);
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
    clock.advance(2_000);
    const second = await store.begin(scope(), 'hash-a');
    expect(second.outcome).toBe('started');
    if (first.outcome !== 'started' || second.outcome !== 'started') return;
    expect(second.attempt).not.toBe(first.attempt);
    // The abandoned attempt can no longer record a response; the new one can.
    await store.complete(scope(), first.attempt, { ...response, body: '"stale"' });
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
    await store.complete(scope(), second.attempt, response);
    expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
  });

  it('forgets a released attempt so the client may retry (5xx outcomes)', async () => {
    const first = await store.begin(scope(), 'hash-a');
    if (first.outcome !== 'started') throw new Error('expected started');
    await store.release(scope(), first.attempt);
    const retry = await store.begin(scope(), 'hash-b');
    expect(retry.outcome).toBe('started');
  });

  it('expires keys after 24 hours', async () => {
    const first = await store.begin(scope(), 'hash-a');
    if (first.outcome !== 'started') throw new Error('expected started');
    await store.complete(scope(), first.attempt, response);
    clock.advance(24 * HOUR - 1);
    expect((await store.begin(scope(), 'hash-b')).outcome).toBe('mismatch');
    clock.advance(1);
    const again = await store.begin(scope(), 'hash-b');
    expect(again.outcome).toBe('started');
  });

  it('purges expired keys only', async () => {
    await store.begin(scope({ key: 'old' }), 'h');
    clock.advance(23 * HOUR);
    await store.begin(scope({ key: 'new' }), 'h');
    clock.advance(1 * HOUR);
    expect(await store.purgeExpired()).toBe(1);
    const keys = db.prepare('SELECT idempotency_key AS key FROM gateway_idempotency_keys').all();
    expect(keys).toEqual([{ key: 'new' }]);
  });

  it('scopes keys by principal, method and route', async () => {
    expect((await store.begin(scope(), 'hash-a')).outcome).toBe('started');
    expect((await store.begin(scope({ principal: 'someone-else' }), 'hash-b')).outcome).toBe(
      'started',
    );
    expect((await store.begin(scope({ method: 'POST' }), 'hash-b')).outcome).toBe('started');
    expect((await store.begin(scope({ route: '/v1/other' }), 'hash-b')).outcome).toBe('started');
  });

  it('is shared by every process using the same database file', async () => {
    const other = openDatabase({ filename: file });
    try {
      migrateGatewayStore(other);
      const otherStore = createSqliteIdempotencyStore({ db: other, clock });
      const first = await store.begin(scope(), 'hash-a');
      expect(await otherStore.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
      if (first.outcome !== 'started') return;
      await store.complete(scope(), first.attempt, response);
      expect(await otherStore.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    } finally {
      other.close();
    }
  });
});
