import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { IdempotencyScope, IdempotencyStore } from '../../src/idempotency/idempotency-store.js';

const HOUR = 3600_000;
const LEASE_MS = 60_000;

/** A clock the test moves by hand (expiry and leases without sleeping). */
export function manualClock(
  start = '2025-01-01T00:00:00.000Z',
): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

export interface IdempotencyStoreHarness {
  store: IdempotencyStore;
  /** Another store over the same records, as a second gateway replica would open it. */
  another(): IdempotencyStore | Promise<IdempotencyStore>;
}

export interface IdempotencyStoreFactoryOptions {
  clock: Clock;
  /** The lease after which an unfinished attempt may be retaken. */
  inProgressLeaseMs: number;
}

const response = {
  status: 200,
  body: '{"ok":true}',
  contentType: 'application/json; charset=utf-8',
};

/**
 * The IdempotencyStore contract: every adapter (SQLite, Cassandra) runs this same suite against a
 * real store. Each test uses its own keys, so adapters need not empty their tables between tests.
 */
export function describeIdempotencyStoreContract(
  adapter: string,
  createHarness: (
    options: IdempotencyStoreFactoryOptions,
  ) => IdempotencyStoreHarness | Promise<IdempotencyStoreHarness>,
): void {
  describe(`IdempotencyStore contract (${adapter})`, () => {
    const setup = async () => {
      const clock = manualClock();
      const harness = await createHarness({ clock, inProgressLeaseMs: LEASE_MS });
      const key = `key-${randomUUID()}`;
      const scope = (overrides: Partial<IdempotencyScope> = {}): IdempotencyScope => ({
        principal: 'admin:bootstrap',
        method: 'PUT',
        route: '/v1/admin/inventory/:sku',
        key,
        ...overrides,
      });
      return { clock, store: harness.store, harness, scope };
    };
    const started = async (store: IdempotencyStore, scope: IdempotencyScope, hash: string) => {
      const begun = await store.begin(scope, hash);
      if (begun.outcome !== 'started') throw new Error(`expected started, got ${begun.outcome}`);
      return begun.attempt;
    };

    it('runs the first request, then replays its stored response for the same request', async () => {
      const { store, scope } = await setup();
      const attempt = await started(store, scope(), 'hash-a');
      await store.complete(scope(), attempt, response);
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    });

    it('keeps a stored problem response and a null content type exactly', async () => {
      const { store, scope } = await setup();
      const problem = {
        status: 409,
        body: '{"code":"insufficient_stock","detail":"ünïcödé ✓"}',
        contentType: 'application/problem+json; charset=utf-8',
      };
      await store.complete(scope(), await started(store, scope(), 'h'), problem);
      expect(await store.begin(scope(), 'h')).toEqual({ outcome: 'replay', response: problem });
      const bare = { status: 204, body: '', contentType: null };
      const other = scope({ key: `${scope().key}-bare` });
      await store.complete(other, await started(store, other, 'h'), bare);
      expect(await store.begin(other, 'h')).toEqual({ outcome: 'replay', response: bare });
    });

    it('refuses the same key with a different request, in progress or completed', async () => {
      const { store, scope } = await setup();
      const attempt = await started(store, scope(), 'hash-a');
      expect(await store.begin(scope(), 'hash-b')).toEqual({ outcome: 'mismatch' });
      await store.complete(scope(), attempt, response);
      expect(await store.begin(scope(), 'hash-b')).toEqual({ outcome: 'mismatch' });
    });

    it('reports a request still in progress, and lets a retry take over an abandoned one after the lease', async () => {
      const { store, scope, clock } = await setup();
      const first = await started(store, scope(), 'hash-a');
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
      clock.advance(LEASE_MS - 1_000);
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
      clock.advance(2_000);
      const second = await started(store, scope(), 'hash-a');
      expect(second).not.toBe(first);
      // The abandoned attempt can neither record a response nor release the record; the new one can.
      await store.complete(scope(), first, { ...response, body: '"stale"' });
      await store.release(scope(), first);
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
      await store.complete(scope(), second, response);
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    });

    it('forgets a released attempt so the client may retry (5xx outcomes)', async () => {
      const { store, scope } = await setup();
      await store.release(scope(), await started(store, scope(), 'hash-a'));
      expect((await store.begin(scope(), 'hash-b')).outcome).toBe('started');
    });

    it('never lets a completed record be released or completed again', async () => {
      const { store, scope } = await setup();
      const attempt = await started(store, scope(), 'hash-a');
      await store.complete(scope(), attempt, response);
      await store.release(scope(), attempt);
      await store.complete(scope(), attempt, { ...response, body: '"second"' });
      expect(await store.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    });

    it('expires keys after 24 hours', async () => {
      const { store, scope, clock } = await setup();
      await store.complete(scope(), await started(store, scope(), 'hash-a'), response);
      clock.advance(24 * HOUR - 1_000);
      expect((await store.begin(scope(), 'hash-b')).outcome).toBe('mismatch');
      expect((await store.begin(scope(), 'hash-a')).outcome).toBe('replay');
      clock.advance(1_000);
      const again = await store.begin(scope(), 'hash-b');
      expect(again.outcome).toBe('started');
      if (again.outcome !== 'started') return;
      await store.complete(scope(), again.attempt, { ...response, body: '"new"' });
      expect(await store.begin(scope(), 'hash-b')).toEqual({
        outcome: 'replay',
        response: { ...response, body: '"new"' },
      });
    });

    it('purges (or lets expire) only expired keys', async () => {
      const { store, scope, clock } = await setup();
      const old = scope({ key: `${scope().key}-old` });
      const young = scope({ key: `${scope().key}-new` });
      await store.complete(old, await started(store, old, 'h'), response);
      clock.advance(23 * HOUR);
      await store.complete(young, await started(store, young, 'h'), response);
      clock.advance(1 * HOUR);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(0);
      expect((await store.begin(old, 'other')).outcome).toBe('started');
      expect(await store.begin(young, 'h')).toEqual({ outcome: 'replay', response });
    });

    it('scopes keys by principal, method and route', async () => {
      const { store, scope } = await setup();
      expect((await store.begin(scope(), 'hash-a')).outcome).toBe('started');
      expect((await store.begin(scope({ principal: 'someone-else' }), 'hash-b')).outcome).toBe(
        'started',
      );
      expect((await store.begin(scope({ method: 'POST' }), 'hash-b')).outcome).toBe('started');
      expect((await store.begin(scope({ route: '/v1/other' }), 'hash-b')).outcome).toBe(
        'started',
      );
    });

    it('is shared by every gateway replica on the same store', async () => {
      const { store, scope, harness } = await setup();
      const other = await harness.another();
      const attempt = await started(store, scope(), 'hash-a');
      expect(await other.begin(scope(), 'hash-a')).toEqual({ outcome: 'in_progress' });
      expect(await other.begin(scope(), 'hash-b')).toEqual({ outcome: 'mismatch' });
      await store.complete(scope(), attempt, response);
      expect(await other.begin(scope(), 'hash-a')).toEqual({ outcome: 'replay', response });
    });

    it('gives exactly one of several concurrent first requests with one key the go-ahead', async () => {
      const { store, scope, harness } = await setup();
      const other = await harness.another();
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? store : other).begin(scope(), 'hash-a')),
      );
      expect(outcomes.filter((o) => o.outcome === 'started')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'in_progress')).toHaveLength(5);
    });

    it('gives exactly one of two concurrent retakes of an abandoned attempt the go-ahead', async () => {
      const { store, scope, harness, clock } = await setup();
      const other = await harness.another();
      await started(store, scope(), 'hash-a');
      clock.advance(LEASE_MS + 1);
      const outcomes = await Promise.all([
        store.begin(scope(), 'hash-a'),
        other.begin(scope(), 'hash-a'),
      ]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['in_progress', 'started']);
    });
  });
}
