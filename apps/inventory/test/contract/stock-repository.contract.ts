import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InventoryFailure, type HoldStockInput, type InventoryFailureType } from '@commerce/contracts/inventory';
import type { StockCounters } from '../../src/domain/stock-counters.js';
import type { StockRepository } from '../../src/ports/stock-repository.js';
import { assertStockInvariant } from './assert-stock-invariant.js';

export interface StockRepositoryHarness {
  repo: StockRepository;
  /** Overwrites an SKU's counters behind the repository's back (self-consistent), to test reconcile. */
  corruptCounters(sku: string, counters: StockCounters): void | Promise<void>;
  close(): void | Promise<void>;
}

const T0 = '2030-01-01T00:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** Resolves to the InventoryError type the promise rejected with (fails the test if it resolved). */
async function failureOf(promise: Promise<unknown>): Promise<{ type: InventoryFailureType; details?: Readonly<Record<string, unknown>> }> {
  try {
    await promise;
  } catch (error) {
    const { type, details } = error as { type: InventoryFailureType; details?: Record<string, unknown> };
    return { type, ...(details ? { details } : {}) };
  }
  throw new Error('expected the operation to fail');
}

const holdInput = (holdId: string, lines: [string, number][], ttlSeconds = 60): HoldStockInput => ({
  holdId,
  owner: `cart:${holdId}`,
  lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
  ttlSeconds,
});

/**
 * The StockRepository contract: every adapter (SQLite, Cassandra) runs this same suite against a
 * real store. The invariant (and the journal's agreement with the counters) is checked after
 * every scenario.
 */
export function describeStockRepositoryContract(adapter: string, createHarness: () => StockRepositoryHarness | Promise<StockRepositoryHarness>): void {
  describe(`StockRepository contract (${adapter})`, () => {
    let harness: StockRepositoryHarness;
    let repo: StockRepository;
    let checkJournal: boolean;

    const level = async (sku: string) => {
      const found = await repo.getLevel(sku);
      if (!found) throw new Error(`no stock for ${sku}`);
      return { onHand: found.onHand, available: found.available, held: found.held, confirmed: found.confirmed, allocated: found.allocated };
    };
    const statuses = async (holdId: string) => Object.fromEntries((await repo.getHold(holdId))?.lines.map((l) => [l.sku, l.status]) ?? []);
    const journalTypes = async (holdId: string) => (await repo.readJournal({ holdId })).map((m) => `${m.type}:${m.sku}`);

    beforeEach(async () => {
      harness = await createHarness();
      repo = harness.repo;
      checkJournal = true;
      await repo.initializeStock(
        [
          { sku: 'SKU-A', onHand: 10, lowStockThreshold: 2 },
          { sku: 'SKU-B', onHand: 5, lowStockThreshold: 2 },
          { sku: 'SKU-C', onHand: 0, lowStockThreshold: 2 },
        ],
        T0,
      );
    });

    afterEach(async () => {
      await assertStockInvariant(repo, { journal: checkJournal });
      await harness.close();
    });

    describe('opening stock', () => {
      it('creates only SKUs that have no stock and journals the receipt', async () => {
        const created = await repo.initializeStock(
          [
            { sku: 'SKU-A', onHand: 999, lowStockThreshold: 1 },
            { sku: 'SKU-D', onHand: 7, lowStockThreshold: 1 },
          ],
          at(1),
        );
        expect(created).toEqual(['SKU-D']);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 10, held: 0, confirmed: 0, allocated: 0 });
        expect(await level('SKU-D')).toMatchObject({ onHand: 7, available: 7 });
        const [receipt] = await repo.readJournal({ sku: 'SKU-D' });
        expect(receipt).toMatchObject({ type: 'receive', quantity: 7, onHandDelta: 7, availableDelta: 7, heldDelta: 0 });
        expect(await repo.getLevel('SKU-C')).toMatchObject({ onHand: 0, lowStock: true, lowStockThreshold: 2 });
        expect(await repo.getLevel('NOPE')).toBeNull();
      });
    });

    describe('hold', () => {
      it('moves units from available to held and journals the movement', async () => {
        const hold = await repo.hold(holdInput('h1', [['SKU-A', 3], ['SKU-B', 1]]), T0);
        expect(hold).toMatchObject({ holdId: 'h1', owner: 'cart:h1', expiresAt: at(60) });
        expect(hold.lines).toEqual([
          { sku: 'SKU-A', quantity: 3, status: 'held' },
          { sku: 'SKU-B', quantity: 1, status: 'held' },
        ]);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 7, held: 3, confirmed: 0, allocated: 0 });
        const [movement] = await repo.readJournal({ holdId: 'h1', sku: 'SKU-A' });
        expect(movement).toMatchObject({ type: 'hold', holdId: 'h1', quantity: 3, availableDelta: -3, heldDelta: 3, onHandDelta: 0, at: T0 });
      });

      it('is idempotent when retried', async () => {
        await repo.hold(holdInput('h1', [['SKU-A', 3]]), T0);
        const journalBefore = await repo.readJournal({});
        await repo.hold(holdInput('h1', [['SKU-A', 3]]), at(1));
        expect(await level('SKU-A')).toMatchObject({ available: 7, held: 3 });
        expect(await repo.readJournal({})).toHaveLength(journalBefore.length);
        expect((await repo.getHold('h1'))?.expiresAt).toBe(at(61));
      });

      it('sets the line quantity when held again (set semantics)', async () => {
        await repo.hold(holdInput('h1', [['SKU-A', 3]]), T0);
        await repo.hold(holdInput('h1', [['SKU-A', 5]]), at(1));
        expect(await level('SKU-A')).toMatchObject({ available: 5, held: 5 });
        await repo.hold(holdInput('h1', [['SKU-A', 1]]), at(2));
        expect(await level('SKU-A')).toMatchObject({ available: 9, held: 1 });
        const changes = (await repo.readJournal({ holdId: 'h1' })).map((m) => [m.type, m.quantity, m.heldDelta]);
        expect(changes).toEqual([
          ['hold', 3, 3],
          ['hold-change', 2, 2],
          ['hold-change', 4, -4],
        ]);
      });

      it('grants all lines or none', async () => {
        const failure = await failureOf(repo.hold(holdInput('h1', [['SKU-A', 2], ['SKU-B', 6]]), T0));
        expect(failure).toEqual({ type: InventoryFailure.InsufficientStock, details: { sku: 'SKU-B', requested: 6, available: 5 } });
        expect(await level('SKU-A')).toMatchObject({ available: 10, held: 0 });
        expect(await repo.getHold('h1')).toBeNull();
        expect(await repo.readJournal({ holdId: 'h1' })).toEqual([]);
      });

      it('counts the units a line already holds when it grows', async () => {
        await repo.hold(holdInput('h1', [['SKU-B', 4]]), T0);
        await repo.hold(holdInput('h2', [['SKU-B', 1]]), T0);
        expect((await failureOf(repo.hold(holdInput('h1', [['SKU-B', 6]]), at(1)))).details).toEqual({ sku: 'SKU-B', requested: 6, available: 4 });
        expect(await level('SKU-B')).toMatchObject({ available: 0, held: 5 });
      });

      it('refuses unknown SKUs, another owner and repeated SKUs', async () => {
        expect((await failureOf(repo.hold(holdInput('h1', [['SKU-A', 1], ['SKU-Z', 1]]), T0))).type).toBe(InventoryFailure.UnknownSku);
        expect(await level('SKU-A')).toMatchObject({ held: 0 });
        await repo.hold(holdInput('h1', [['SKU-A', 1]]), T0);
        const stolen = { ...holdInput('h1', [['SKU-A', 2]]), owner: 'cart:someone-else' };
        expect((await failureOf(repo.hold(stolen, T0))).type).toBe(InventoryFailure.HoldConflict);
        expect((await failureOf(repo.hold(holdInput('h2', [['SKU-A', 1], ['SKU-A', 2]]), T0))).type).toBe(InventoryFailure.InvalidInput);
        expect(await level('SKU-A')).toMatchObject({ available: 9, held: 1 });
      });
    });

    describe('lifecycle', () => {
      it('walks hold → renew → confirm → allocate → fulfill; fulfilled units leave on-hand', async () => {
        await repo.hold(holdInput('order-1', [['SKU-A', 2], ['SKU-B', 1]]), T0);
        const renewed = await repo.renew({ holdId: 'order-1', ttlSeconds: 600 }, at(30));
        expect(renewed.expiresAt).toBe(at(630));
        await repo.confirm({ holdId: 'order-1' }, at(40));
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 8, held: 0, confirmed: 2, allocated: 0 });
        const allocated = await repo.allocate({ holdId: 'order-1', supplierId: 'sup-1' }, at(50));
        expect(allocated.lines.every((l) => l.status === 'allocated' && l.supplierId === 'sup-1')).toBe(true);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 8, held: 0, confirmed: 0, allocated: 2 });
        await repo.fulfill({ holdId: 'order-1' }, at(60));
        expect(await level('SKU-A')).toEqual({ onHand: 8, available: 8, held: 0, confirmed: 0, allocated: 0 });
        expect(await level('SKU-B')).toEqual({ onHand: 4, available: 4, held: 0, confirmed: 0, allocated: 0 });
        expect(await statuses('order-1')).toEqual({ 'SKU-A': 'fulfilled', 'SKU-B': 'fulfilled' });
        expect(await journalTypes('order-1')).toEqual([
          'hold:SKU-A', 'hold:SKU-B', 'confirm:SKU-A', 'confirm:SKU-B', 'allocate:SKU-A', 'allocate:SKU-B', 'fulfill:SKU-A', 'fulfill:SKU-B',
        ]);
        const fulfil = (await repo.readJournal({ holdId: 'order-1', sku: 'SKU-A' })).at(-1);
        expect(fulfil).toMatchObject({ type: 'fulfill', quantity: 2, onHandDelta: -2, allocatedDelta: -2, availableDelta: 0 });
      });

      it('treats retried transitions as no-ops', async () => {
        await repo.hold(holdInput('o', [['SKU-A', 2]]), T0);
        for (const step of ['confirm', 'allocate', 'fulfill'] as const) {
          await repo[step]({ holdId: 'o' }, at(1));
          const journalLength = (await repo.readJournal({})).length;
          await repo[step]({ holdId: 'o' }, at(2));
          expect((await repo.readJournal({})).length).toBe(journalLength);
        }
        await repo.confirm({ holdId: 'o' }, at(3));
        expect(await level('SKU-A')).toEqual({ onHand: 8, available: 8, held: 0, confirmed: 0, allocated: 0 });
        await repo.hold(holdInput('r', [['SKU-B', 2]]), T0);
        await repo.release({ holdId: 'r' }, at(1));
        await repo.release({ holdId: 'r' }, at(2));
        expect(await level('SKU-B')).toMatchObject({ available: 5, held: 0 });
        expect(await journalTypes('r')).toEqual(['hold:SKU-B', 'release:SKU-B']);
      });

      it('refuses impossible transitions without changing anything', async () => {
        await repo.hold(holdInput('o', [['SKU-A', 2], ['SKU-B', 1]]), T0);
        expect((await failureOf(repo.allocate({ holdId: 'o' }, at(1)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect((await failureOf(repo.fulfill({ holdId: 'o' }, at(1)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect((await failureOf(repo.confirm({ holdId: 'o', skus: ['SKU-C'] }, at(1)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        // One confirmable line and one that cannot move: nothing happens.
        await repo.confirm({ holdId: 'o', skus: ['SKU-A'] }, at(1));
        await repo.allocate({ holdId: 'o', skus: ['SKU-A'] }, at(1));
        await repo.fulfill({ holdId: 'o', skus: ['SKU-A'] }, at(1));
        expect((await failureOf(repo.release({ holdId: 'o' }, at(2)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect(await statuses('o')).toEqual({ 'SKU-A': 'fulfilled', 'SKU-B': 'held' });
        await repo.release({ holdId: 'o', skus: ['SKU-B'] }, at(2));
        expect((await failureOf(repo.confirm({ holdId: 'o', skus: ['SKU-B'] }, at(3)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect((await failureOf(repo.hold(holdInput('o', [['SKU-A', 3]]), at(3)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect((await failureOf(repo.confirm({ holdId: 'missing' }, at(3)))).type).toBe(InventoryFailure.HoldNotFound);
        expect((await failureOf(repo.renew({ holdId: 'missing', ttlSeconds: 5 }, at(3)))).type).toBe(InventoryFailure.HoldNotFound);
        expect(await level('SKU-B')).toEqual({ onHand: 5, available: 5, held: 0, confirmed: 0, allocated: 0 });
      });

      it('releases held, confirmed and allocated lines back to available', async () => {
        await repo.hold(holdInput('x', [['SKU-A', 1], ['SKU-B', 2]]), T0);
        await repo.hold(holdInput('y', [['SKU-A', 3]]), T0);
        await repo.confirm({ holdId: 'x' }, at(1));
        await repo.allocate({ holdId: 'x', skus: ['SKU-B'], supplierId: 'sup-9' }, at(2));
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 6, held: 3, confirmed: 1, allocated: 0 });
        await repo.release({ holdId: 'x', reason: 'order cancelled' }, at(3));
        await repo.release({ holdId: 'y' }, at(3));
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 10, held: 0, confirmed: 0, allocated: 0 });
        expect(await level('SKU-B')).toEqual({ onHand: 5, available: 5, held: 0, confirmed: 0, allocated: 0 });
        const release = (await repo.readJournal({ holdId: 'x', sku: 'SKU-B' })).at(-1);
        expect(release).toMatchObject({ type: 'release', allocatedDelta: -2, availableDelta: 2, reason: 'order cancelled' });
        expect(await repo.countActiveHolds(['SKU-A', 'SKU-B'])).toEqual({});
      });
    });

    describe('reopen', () => {
      it('takes confirmed lines of the named SKUs back to held with a fresh expiry, journaled', async () => {
        await repo.hold(holdInput('cart-1', [['SKU-A', 2], ['SKU-B', 1]], 60), T0);
        await repo.confirm({ holdId: 'cart-1', skus: ['SKU-A'] }, at(10));
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 8, held: 0, confirmed: 2, allocated: 0 });
        const reopened = await repo.reopen({ holdId: 'cart-1', skus: ['SKU-A'], ttlSeconds: 300, reason: 'payment declined' }, at(20));
        expect(reopened.expiresAt).toBe(at(320));
        expect(reopened.lines).toEqual([
          { sku: 'SKU-A', quantity: 2, status: 'held' },
          { sku: 'SKU-B', quantity: 1, status: 'held' },
        ]);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 8, held: 2, confirmed: 0, allocated: 0 });
        const movement = (await repo.readJournal({ holdId: 'cart-1', sku: 'SKU-A' })).at(-1);
        expect(movement).toMatchObject({ type: 'reopen', quantity: 2, heldDelta: 2, confirmedDelta: -2, availableDelta: 0, reason: 'payment declined' });
        // The reopened hold is a live hold again: it can be confirmed, and expires with its new expiry.
        await repo.confirm({ holdId: 'cart-1' }, at(30));
        expect(await statuses('cart-1')).toEqual({ 'SKU-A': 'confirmed', 'SKU-B': 'confirmed' });
        await repo.reopen({ holdId: 'cart-1', ttlSeconds: 100 }, at(40));
        expect((await repo.expireDue(at(139), 10)).holdsExpired).toBe(0);
        const expired = await repo.expireDue(at(141), 10);
        expect({ ...expired, skus: [...expired.skus].sort() }).toEqual({ holdsExpired: 1, skus: ['SKU-A', 'SKU-B'] });
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 10, held: 0, confirmed: 0, allocated: 0 });
      });

      it('is idempotent: a retry only moves the expiry', async () => {
        await repo.hold(holdInput('r1', [['SKU-B', 3]], 60), T0);
        await repo.confirm({ holdId: 'r1' }, at(1));
        await repo.reopen({ holdId: 'r1', ttlSeconds: 60 }, at(2));
        const journalLength = (await repo.readJournal({})).length;
        const again = await repo.reopen({ holdId: 'r1', skus: ['SKU-B'], ttlSeconds: 60 }, at(5));
        expect(again.expiresAt).toBe(at(65));
        expect(again.lines).toEqual([{ sku: 'SKU-B', quantity: 3, status: 'held' }]);
        expect((await repo.readJournal({})).length).toBe(journalLength);
        expect(await level('SKU-B')).toEqual({ onHand: 5, available: 2, held: 3, confirmed: 0, allocated: 0 });
        expect(await journalTypes('r1')).toEqual(['hold:SKU-B', 'confirm:SKU-B', 'reopen:SKU-B']);
      });

      it('reopens a confirmed hold whose old expiry passed long ago', async () => {
        await repo.hold(holdInput('old', [['SKU-A', 1]], 10), T0);
        await repo.confirm({ holdId: 'old' }, at(5));
        expect((await repo.expireDue(at(3_600), 10)).holdsExpired).toBe(0);
        const reopened = await repo.reopen({ holdId: 'old', ttlSeconds: 60 }, at(3_600));
        expect(reopened).toMatchObject({ expiresAt: at(3_660), lines: [{ sku: 'SKU-A', quantity: 1, status: 'held' }] });
        expect(await level('SKU-A')).toMatchObject({ available: 9, held: 1, confirmed: 0 });
      });

      it('refuses released, allocated, expired, unknown lines and missing holds, changing nothing', async () => {
        await repo.hold(holdInput('x', [['SKU-A', 1], ['SKU-B', 2]], 60), T0);
        await repo.confirm({ holdId: 'x' }, at(1));
        await repo.allocate({ holdId: 'x', skus: ['SKU-B'], supplierId: 'sup-1' }, at(2));
        expect((await failureOf(repo.reopen({ holdId: 'x', ttlSeconds: 60 }, at(3)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect((await failureOf(repo.reopen({ holdId: 'x', skus: ['SKU-C'], ttlSeconds: 60 }, at(3)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        expect(await statuses('x')).toEqual({ 'SKU-A': 'confirmed', 'SKU-B': 'allocated' });
        await repo.release({ holdId: 'x', skus: ['SKU-A'] }, at(4));
        expect((await failureOf(repo.reopen({ holdId: 'x', skus: ['SKU-A'], ttlSeconds: 60 }, at(5)))).type).toBe(InventoryFailure.InvalidHoldTransition);
        await repo.hold(holdInput('gone', [['SKU-A', 2]], 10), T0);
        await repo.expireDue(at(11), 10);
        expect((await failureOf(repo.reopen({ holdId: 'gone', ttlSeconds: 60 }, at(12)))).type).toBe(InventoryFailure.HoldExpired);
        expect((await failureOf(repo.reopen({ holdId: 'missing', ttlSeconds: 60 }, at(12)))).type).toBe(InventoryFailure.HoldNotFound);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 10, held: 0, confirmed: 0, allocated: 0 });
        expect(await level('SKU-B')).toEqual({ onHand: 5, available: 3, held: 0, confirmed: 0, allocated: 2 });
      });
    });

    describe('expiry', () => {
      it('expires held lines past their expiry, once', async () => {
        await repo.hold(holdInput('e1', [['SKU-A', 4]], 60), T0);
        expect(await repo.expireDue(at(59), 10)).toEqual({ holdsExpired: 0, skus: [] });
        expect(await repo.expireDue(at(61), 10)).toEqual({ holdsExpired: 1, skus: ['SKU-A'] });
        expect(await repo.expireDue(at(62), 10)).toEqual({ holdsExpired: 0, skus: [] });
        expect(await level('SKU-A')).toMatchObject({ available: 10, held: 0 });
        expect(await statuses('e1')).toEqual({ 'SKU-A': 'expired' });
        expect(await journalTypes('e1')).toEqual(['hold:SKU-A', 'expire:SKU-A']);
        expect((await failureOf(repo.confirm({ holdId: 'e1' }, at(63)))).type).toBe(InventoryFailure.HoldExpired);
        expect((await failureOf(repo.renew({ holdId: 'e1', ttlSeconds: 60 }, at(63)))).type).toBe(InventoryFailure.HoldExpired);
        await repo.release({ holdId: 'e1' }, at(64));
        expect(await statuses('e1')).toEqual({ 'SKU-A': 'expired' });
      });

      it('refuses to confirm or renew a hold the clock expired before the sweep ran', async () => {
        await repo.hold(holdInput('e2', [['SKU-A', 2]], 60), T0);
        expect((await failureOf(repo.confirm({ holdId: 'e2' }, at(60)))).type).toBe(InventoryFailure.HoldExpired);
        expect((await failureOf(repo.renew({ holdId: 'e2', ttlSeconds: 60 }, at(61)))).type).toBe(InventoryFailure.HoldExpired);
        expect(await level('SKU-A')).toMatchObject({ available: 8, held: 2 });
        // Holding again expires the stale lines and holds them afresh.
        const again = await repo.hold(holdInput('e2', [['SKU-A', 3]], 60), at(70));
        expect(again.expiresAt).toBe(at(130));
        expect(await level('SKU-A')).toMatchObject({ available: 7, held: 3 });
        expect(await journalTypes('e2')).toEqual(['hold:SKU-A', 'expire:SKU-A', 'hold:SKU-A']);
      });

      it('works through due holds in batches and never expires confirmed lines', async () => {
        for (const id of ['d1', 'd2', 'd3']) await repo.hold(holdInput(id, [['SKU-A', 1]], 10), T0);
        await repo.hold(holdInput('kept', [['SKU-B', 2]], 10), T0);
        await repo.confirm({ holdId: 'kept' }, at(1));
        expect((await repo.expireDue(at(11), 2)).holdsExpired).toBe(2);
        expect((await repo.expireDue(at(11), 2)).holdsExpired).toBe(1);
        expect((await repo.expireDue(at(3_600), 2)).holdsExpired).toBe(0);
        expect(await level('SKU-A')).toMatchObject({ available: 10, held: 0 });
        expect(await level('SKU-B')).toMatchObject({ available: 3, confirmed: 2 });
      });

      it('renews a live hold', async () => {
        await repo.hold(holdInput('live', [['SKU-A', 1]], 10), T0);
        await repo.renew({ holdId: 'live', ttlSeconds: 100 }, at(5));
        expect((await repo.expireDue(at(50), 10)).holdsExpired).toBe(0);
        expect((await repo.expireDue(at(106), 10)).holdsExpired).toBe(1);
      });
    });

    describe('adjust', () => {
      const adjustment = (adjustmentId: string, sku: string, onHand: number, lowStockThreshold?: number) => ({
        adjustmentId,
        sku,
        onHand,
        ...(lowStockThreshold === undefined ? {} : { lowStockThreshold }),
        reason: 'cycle count',
        actor: 'admin@example.com',
      });

      it('sets on-hand, idempotent per adjustment id', async () => {
        const first = await repo.adjust(adjustment('adj-1', 'SKU-A', 25, 8), at(1));
        expect(first).toMatchObject({ sku: 'SKU-A', onHand: 25, available: 25, lowStockThreshold: 8, lowStock: false });
        const retried = await repo.adjust(adjustment('adj-1', 'SKU-A', 25, 8), at(2));
        expect(retried).toMatchObject({ onHand: 25, available: 25, version: first.version });
        const moves = await repo.readJournal({ sku: 'SKU-A' });
        expect(moves.filter((m) => m.type === 'adjust')).toHaveLength(1);
        expect(moves.at(-1)).toMatchObject({ type: 'adjust', quantity: 15, onHandDelta: 15, availableDelta: 15 });
        expect((await failureOf(repo.adjust(adjustment('adj-1', 'SKU-A', 3), at(3)))).type).toBe(InventoryFailure.InvalidInput);
        expect((await failureOf(repo.adjust(adjustment('adj-2', 'SKU-Z', 3), at(3)))).type).toBe(InventoryFailure.UnknownSku);
      });

      it('refuses to go below the reserved units', async () => {
        await repo.hold(holdInput('h', [['SKU-A', 3]]), T0);
        await repo.hold(holdInput('c', [['SKU-A', 2]]), T0);
        await repo.confirm({ holdId: 'c' }, at(1));
        const failure = await failureOf(repo.adjust(adjustment('adj-3', 'SKU-A', 4), at(2)));
        expect(failure).toEqual({ type: InventoryFailure.StockBelowReserved, details: { sku: 'SKU-A', onHand: 4, reserved: 5 } });
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 5, held: 3, confirmed: 2, allocated: 0 });
        const lowered = await repo.adjust(adjustment('adj-4', 'SKU-A', 5), at(3));
        expect(lowered).toMatchObject({ onHand: 5, available: 0, lowStock: true });
      });
    });

    describe('receive', () => {
      const receipt = (receiptId: string, sku: string, quantity: number) => ({
        receiptId,
        sku,
        quantity,
        reason: 'customer return',
        actor: 'admin:returns',
      });

      it('adds returned units on hand as a delta, journaled as receive, once per receipt id', async () => {
        await repo.hold(holdInput('h', [['SKU-A', 4]]), T0);
        const first = await repo.receive(receipt('return:o-1:r-1:SKU-A', 'SKU-A', 3), at(1));
        expect(first).toMatchObject({ sku: 'SKU-A', onHand: 13, available: 9, held: 4 });
        // A retried receipt (the activity ran twice) adds nothing and returns the current level.
        const retried = await repo.receive(receipt('return:o-1:r-1:SKU-A', 'SKU-A', 3), at(2));
        expect(retried).toMatchObject({ onHand: 13, available: 9, version: first.version });
        await Promise.all([1, 2, 3].map((n) => repo.receive(receipt('return:o-1:r-1:SKU-A', 'SKU-A', 3), at(2 + n))));
        expect(await level('SKU-A')).toEqual({ onHand: 13, available: 9, held: 4, confirmed: 0, allocated: 0 });
        // Another receipt adds again, also to an SKU at zero.
        await repo.receive(receipt('return:o-1:r-2:SKU-A', 'SKU-A', 1), at(6));
        await repo.receive(receipt('return:o-2:r-1:SKU-C', 'SKU-C', 2), at(7));
        expect(await level('SKU-A')).toEqual({ onHand: 14, available: 10, held: 4, confirmed: 0, allocated: 0 });
        expect(await level('SKU-C')).toEqual({ onHand: 2, available: 2, held: 0, confirmed: 0, allocated: 0 });
        const receipts = (await repo.readJournal({ sku: 'SKU-A' })).filter((m) => m.type === 'receive' && m.reason !== 'opening stock');
        expect(receipts.map((m) => [m.quantity, m.onHandDelta, m.availableDelta, m.heldDelta])).toEqual([
          [3, 3, 3, 0],
          [1, 1, 1, 0],
        ]);
        expect(receipts[0]?.reason).toContain('return:o-1:r-1:SKU-A');
      });

      it('refuses an unknown SKU and a receipt id reused for another receipt, changing nothing', async () => {
        expect((await failureOf(repo.receive(receipt('rcpt-1', 'SKU-Z', 1), at(1)))).type).toBe(InventoryFailure.UnknownSku);
        await repo.receive(receipt('rcpt-2', 'SKU-B', 2), at(1));
        expect((await failureOf(repo.receive(receipt('rcpt-2', 'SKU-B', 5), at(2)))).type).toBe(InventoryFailure.InvalidInput);
        expect(await level('SKU-B')).toEqual({ onHand: 7, available: 7, held: 0, confirmed: 0, allocated: 0 });
        // Idempotency is per (receipt id, SKU): rcpt-1 failed on SKU-Z and is free for SKU-B.
        await repo.receive(receipt('rcpt-1', 'SKU-B', 1), at(3));
        await repo.receive(receipt('rcpt-1', 'SKU-B', 1), at(4));
        expect(await level('SKU-B')).toMatchObject({ onHand: 8, available: 8 });
      });
    });

    describe('reconcile', () => {
      it('finds nothing to heal in consistent stock', async () => {
        await repo.hold(holdInput('h', [['SKU-A', 3]]), T0);
        expect(await repo.reconcile(undefined, at(1))).toEqual({ checked: 3, healed: [] });
        expect(await repo.reconcile(['SKU-A', 'SKU-Q'], at(1))).toEqual({ checked: 1, healed: [] });
      });

      it('recomputes counters from the hold lines and journals the healing', async () => {
        checkJournal = false;
        await repo.hold(holdInput('h', [['SKU-A', 3]]), T0);
        await repo.hold(holdInput('c', [['SKU-B', 2]]), T0);
        await repo.confirm({ holdId: 'c' }, at(1));
        await harness.corruptCounters('SKU-A', { onHand: 10, available: 9, held: 1, confirmed: 0, allocated: 0 });
        await harness.corruptCounters('SKU-B', { onHand: 5, available: 3, held: 2, confirmed: 0, allocated: 0 });
        const result = await repo.reconcile(undefined, at(2));
        expect(result.checked).toBe(3);
        expect(result.healed).toEqual(
          expect.arrayContaining([
            { sku: 'SKU-A', field: 'available', from: 9, to: 7 },
            { sku: 'SKU-A', field: 'held', from: 1, to: 3 },
            { sku: 'SKU-B', field: 'held', from: 2, to: 0 },
            { sku: 'SKU-B', field: 'confirmed', from: 0, to: 2 },
          ]),
        );
        expect(result.healed).toHaveLength(4);
        expect(await level('SKU-A')).toEqual({ onHand: 10, available: 7, held: 3, confirmed: 0, allocated: 0 });
        expect(await level('SKU-B')).toEqual({ onHand: 5, available: 3, held: 0, confirmed: 2, allocated: 0 });
        expect((await repo.readJournal({ sku: 'SKU-A' })).at(-1)).toMatchObject({ type: 'heal', availableDelta: -2, heldDelta: 2 });
        expect((await repo.reconcile(undefined, at(3))).healed).toEqual([]);
      });
    });

    describe('reads', () => {
      it('lists levels, counts active holds and filters the journal', async () => {
        await repo.hold(holdInput('h1', [['SKU-A', 1], ['SKU-B', 1]]), T0);
        await repo.hold(holdInput('h2', [['SKU-A', 1]]), T0);
        await repo.hold(holdInput('h3', [['SKU-A', 1]]), T0);
        await repo.release({ holdId: 'h3' }, at(1));
        expect(await repo.countActiveHolds(['SKU-A', 'SKU-B', 'SKU-C'])).toEqual({ 'SKU-A': 2, 'SKU-B': 1 });
        expect((await repo.getLevels(['SKU-B', 'SKU-A', 'NOPE'])).map((l) => l.sku).sort()).toEqual(['SKU-A', 'SKU-B']);
        expect((await repo.listLevels({ limit: 2 })).map((l) => l.sku)).toEqual(['SKU-A', 'SKU-B']);
        expect((await repo.listLevels({ afterSku: 'SKU-B', limit: 2 })).map((l) => l.sku)).toEqual(['SKU-C']);
        const all = await repo.readJournal({});
        const tail = await repo.readJournal({ afterSeq: all[1]?.seq ?? 0, limit: 2 });
        expect(tail.map((m) => m.seq)).toEqual(all.slice(2, 4).map((m) => m.seq));
        expect((await repo.readJournal({ sku: 'SKU-B' })).map((m) => m.type)).toEqual(['receive', 'hold']);
        const level = await repo.getLevel('SKU-A');
        expect(level).toMatchObject({ onHand: 10, available: 8, held: 2, lowStock: false, lowStockThreshold: 2 });
        expect(level?.version).toBeGreaterThan(0);
      });
    });
  });
}
