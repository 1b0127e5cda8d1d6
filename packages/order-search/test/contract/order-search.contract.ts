import type { OrderSearchDocument, OrderSearchQuery, OrderSearchResult } from '@commerce/contracts/oms';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrderSearch } from '../../src/ports.js';
import { buildFixtureOrders, fixtureOrder } from '../../src/testing/fixture-orders.js';
import { referenceSearch, referenceStore } from './reference-order-search.js';

export interface OrderSearchHarness {
  search: OrderSearch;
  teardown(): Promise<void>;
}

/**
 * The behaviour every OrderSearch adapter must have, through the port only. `setup` returns a
 * fresh, empty projection on a real store and its teardown.
 */
export function describeOrderSearchContract(adapterName: string, setup: () => Promise<OrderSearchHarness>): void {
  describe(`OrderSearch contract: ${adapterName}`, () => {
    describeWrites(setup);
    describeQueries(setup);
    describeFixtureSearch(setup);
  });
}

const ids = (result: OrderSearchResult): string[] => result.items.map((d) => d.orderId);

function describeWrites(setup: () => Promise<OrderSearchHarness>): void {
  describe('writes, the version guard and lookups', () => {
    let harness: OrderSearchHarness;
    let search: OrderSearch;
    beforeEach(async () => {
      harness = await setup();
      search = harness.search;
    });
    afterEach(async () => {
      await harness.teardown();
    });

    it('stores a document, returns it by id and finds it at once (read-your-writes)', async () => {
      const doc = fixtureOrder({ orderId: 'order-1', customerId: 'cust-1', suppliers: ['acme', 'north-mills'] });
      expect(await search.upsertOrders([doc])).toEqual({ written: 1, ignored: 0 });
      expect(await search.getOrder('order-1')).toEqual(doc);
      expect(await search.getOrder('order-2')).toBeNull();
      expect(await search.getOrder('')).toBeNull();
      const result = await search.searchOrders({});
      expect(result).toEqual({
        total: 1,
        items: [doc],
        facets: {
          status: [{ value: 'placed', count: 1 }],
          supplier: [
            { value: 'acme', count: 1 },
            { value: 'north-mills', count: 1 },
          ],
        },
      });
      await expect(search.ping()).resolves.toBeUndefined();
    });

    it('replaces an order with a newer version: stale status, supplier and search terms disappear', async () => {
      await search.upsertOrders([
        fixtureOrder({ orderId: 'order-1', status: 'placed', customerName: 'Crimson Fox', suppliers: ['acme'], version: 1 }),
      ]);
      const newer = fixtureOrder({ orderId: 'order-1', status: 'shipped', customerName: 'Amber Owl', suppliers: ['north-mills'], version: 3 });
      expect(await search.upsertOrders([newer])).toEqual({ written: 1, ignored: 0 });
      expect(await search.getOrder('order-1')).toEqual(newer);
      expect((await search.searchOrders({ q: 'crimson' })).total).toBe(0);
      expect(ids(await search.searchOrders({ q: 'amber owl' }))).toEqual(['order-1']);
      expect((await search.searchOrders({ status: ['placed'] })).total).toBe(0);
      expect((await search.searchOrders({ supplier: 'acme' })).total).toBe(0);
      const all = await search.searchOrders({});
      expect(all.total).toBe(1);
      expect(all.facets).toEqual({ status: [{ value: 'shipped', count: 1 }], supplier: [{ value: 'north-mills', count: 1 }] });
    });

    it('ignores an older or equal version (replays and out-of-order flushes change nothing)', async () => {
      const v5 = fixtureOrder({ orderId: 'order-1', status: 'delivered', version: 5 });
      await search.upsertOrders([v5]);
      expect(await search.upsertOrders([fixtureOrder({ orderId: 'order-1', status: 'processing', version: 4 })])).toEqual({ written: 0, ignored: 1 });
      expect(await search.upsertOrders([{ ...v5, status: 'cancelled' }])).toEqual({ written: 0, ignored: 1 });
      expect(await search.getOrder('order-1')).toEqual(v5);
      expect(ids(await search.searchOrders({ status: ['delivered'] }))).toEqual(['order-1']);
      expect((await search.searchOrders({ status: ['processing', 'cancelled'] })).total).toBe(0);
    });

    it('keeps the highest version of an order within one batch, whatever the order', async () => {
      const docs = [3, 7, 2].map((version) => fixtureOrder({ orderId: 'order-1', version, total: version * 100 }));
      expect(await search.upsertOrders([...docs, fixtureOrder({ orderId: 'order-2' })])).toEqual({ written: 2, ignored: 2 });
      expect((await search.getOrder('order-1'))?.version).toBe(7);
      expect((await search.getOrder('order-1'))?.total.amount).toBe(700);
      expect((await search.searchOrders({})).total).toBe(2);
    });

    it('rejects a batch holding an unusable document, naming it, and writes none of it', async () => {
      const good = fixtureOrder({ orderId: 'order-good' });
      await expect(search.upsertOrders([good, fixtureOrder({ orderId: 'order-bad', placedAt: 'last tuesday' })])).rejects.toThrow(
        /order order-bad: placedAt "last tuesday"/,
      );
      await expect(search.upsertOrders([{ ...good, total: { amount: 12.5, currency: 'USD' } }])).rejects.toThrow(/total\.amount/);
      await expect(search.upsertOrders([{ ...good, version: 0 }])).rejects.toThrow(/version/);
      await expect(search.upsertOrders([{ ...good, status: 'lost' as never }])).rejects.toThrow(/status "lost"/);
      expect(await search.getOrder('order-good')).toBeNull();
      expect((await search.searchOrders({})).total).toBe(0);
      expect(await search.upsertOrders([])).toEqual({ written: 0, ignored: 0 });
    });
  });
}

function describeQueries(setup: () => Promise<OrderSearchHarness>): void {
  describe('text, filters, facets, sorts and paging', () => {
    let harness: OrderSearchHarness;
    let search: OrderSearch;
    const orders: OrderSearchDocument[] = [
      fixtureOrder({
        orderId: 'ord-alpha-1',
        confirmationNumber: 'K7Q2ZP01',
        status: 'processing',
        customerId: 'cust-1',
        customerName: 'Zoë Müller',
        customerEmail: 'zoe.muller@example.com',
        skus: ['TEE-0001-BLK-M', 'CAP-0002-RED-L'],
        suppliers: ['acme', 'north-mills'],
        total: 12_000,
        placedAt: '2025-03-01T10:00:00.000Z',
      }),
      fixtureOrder({
        orderId: 'ord-beta-2',
        confirmationNumber: 'B3TA9999',
        status: 'shipped',
        customerId: 'cust-2',
        customerName: 'José Álvarez',
        customerEmail: 'jose@example.org',
        skus: ['HOOD-0003-NVY-S'],
        suppliers: ['acme'],
        total: 4_500,
        placedAt: '2025-03-02T10:00:00.000Z',
      }),
      fixtureOrder({
        orderId: 'ord-gamma-3',
        confirmationNumber: 'GAMMA333',
        status: 'processing',
        customerId: null,
        customerName: 'Mei Chen',
        customerEmail: 'mei@example.com',
        skus: ['TEE-0001-WHT-S', 'SOCK-0009-BLK-M'],
        suppliers: ['zeta-goods'],
        total: 4_500,
        // The same instant as ord-alpha-1, written with another offset.
        placedAt: '2025-03-01T12:00:00.000+02:00',
      }),
      fixtureOrder({
        orderId: 'ord-delta-4',
        confirmationNumber: 'DELTA444',
        status: 'cancelled',
        customerId: 'cust-1',
        customerName: 'Zoe Muller',
        customerEmail: 'zoe.muller@example.com',
        skus: ['PARKA-0100-RED-XL'],
        suppliers: ['north-mills'],
        total: 30_000,
        placedAt: '2025-02-15T08:30:00.000Z',
      }),
    ];
    beforeAll(async () => {
      harness = await setup();
      search = harness.search;
      await search.upsertOrders(orders);
    });
    afterAll(async () => {
      await harness.teardown();
    });

    // Expected ids in the default order: placed_desc, ties by id (alpha and gamma share an instant).
    it.each<[string, OrderSearchQuery, string[]]>([
      ['a full order id', { q: 'ord-beta-2' }, ['ord-beta-2']],
      ['the tail of an order id', { q: 'gamma-3' }, ['ord-gamma-3']],
      ['a confirmation number, any case', { q: 'b3ta9999' }, ['ord-beta-2']],
      ['a name with diacritics folded both ways', { q: 'MULLER' }, ['ord-alpha-1', 'ord-delta-4']],
      ['a name typed with diacritics', { q: 'zoë müller' }, ['ord-alpha-1', 'ord-delta-4']],
      ['an e-mail address', { q: 'jose@example.org' }, ['ord-beta-2']],
      ['an e-mail domain', { q: 'example.com' }, ['ord-alpha-1', 'ord-gamma-3', 'ord-delta-4']],
      ['a full SKU, not its parts spread over other SKUs', { q: 'TEE-0001-BLK-M' }, ['ord-alpha-1']],
      ['a SKU prefix (the last word is a prefix)', { q: 'TEE-0001' }, ['ord-alpha-1', 'ord-gamma-3']],
      ['the tail of a SKU', { q: 'BLK-M' }, ['ord-alpha-1', 'ord-gamma-3']],
      ['a name prefix', { q: 'alv' }, ['ord-beta-2']],
      ['every word required (AND)', { q: 'mei blk' }, ['ord-gamma-3']],
      ['no order has every word', { q: 'mei parka' }, []],
      ['a non-last word only as a whole term', { q: 'alp 1' }, []],
      ['engine syntax as plain words', { q: '"ord" OR NEAR(alpha* -beta) ^2 AND' }, []],
      ['punctuation only: no text condition', { q: '*** -- ""' }, ['ord-beta-2', 'ord-alpha-1', 'ord-gamma-3', 'ord-delta-4']],
    ])('finds orders by %s', async (_what, query, expected) => {
      const result = await search.searchOrders(query);
      expect(ids(result)).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it('filters by status (any of), supplier, customer and placedAt (inclusive instants)', async () => {
      expect(ids(await search.searchOrders({ status: ['processing'] }))).toEqual(['ord-alpha-1', 'ord-gamma-3']);
      expect(ids(await search.searchOrders({ status: ['shipped', 'cancelled'] }))).toEqual(['ord-beta-2', 'ord-delta-4']);
      expect(ids(await search.searchOrders({ status: [] }))).toHaveLength(4);
      expect(ids(await search.searchOrders({ supplier: 'north-mills' }))).toEqual(['ord-alpha-1', 'ord-delta-4']);
      expect(ids(await search.searchOrders({ customerId: 'cust-1' }))).toEqual(['ord-alpha-1', 'ord-delta-4']);
      expect(ids(await search.searchOrders({ placedFrom: '2025-03-01T10:00:00.000Z' }))).toEqual(['ord-beta-2', 'ord-alpha-1', 'ord-gamma-3']);
      expect(ids(await search.searchOrders({ placedTo: '2025-03-01T11:00:00+01:00' }))).toEqual(['ord-alpha-1', 'ord-gamma-3', 'ord-delta-4']);
      expect(ids(await search.searchOrders({ placedFrom: '2025-03-01T10:00:00.001Z', placedTo: '2025-03-02T10:00:00Z' }))).toEqual(['ord-beta-2']);
      expect((await search.searchOrders({ placedFrom: '2025-04-01T00:00:00Z', placedTo: '2025-01-01T00:00:00Z' })).total).toBe(0);
      expect(ids(await search.searchOrders({ q: 'muller', status: ['processing'], supplier: 'acme', customerId: 'cust-1' }))).toEqual(['ord-alpha-1']);
    });

    it('counts facets disjunctively: each facet leaves its own filter out', async () => {
      const result = await search.searchOrders({ status: ['processing'], supplier: 'acme' });
      expect(ids(result)).toEqual(['ord-alpha-1']);
      expect(result.facets.status).toEqual([
        { value: 'processing', count: 1 },
        { value: 'shipped', count: 1 },
      ]);
      expect(result.facets.supplier).toEqual([
        { value: 'acme', count: 1 },
        { value: 'north-mills', count: 1 },
        { value: 'zeta-goods', count: 1 },
      ]);
      const text = await search.searchOrders({ q: 'zoe' });
      expect(text.facets).toEqual({
        status: [
          { value: 'cancelled', count: 1 },
          { value: 'processing', count: 1 },
        ],
        supplier: [
          { value: 'north-mills', count: 2 },
          { value: 'acme', count: 1 },
        ],
      });
      const none = await search.searchOrders({ q: 'nobody-at-all' });
      expect(none).toEqual({ total: 0, items: [], facets: { status: [], supplier: [] } });
    });

    it('sorts by placedAt or total, ties broken by order id, and pages stably', async () => {
      expect(ids(await search.searchOrders({ sort: 'placed_asc' }))).toEqual(['ord-delta-4', 'ord-alpha-1', 'ord-gamma-3', 'ord-beta-2']);
      expect(ids(await search.searchOrders({ sort: 'total_desc' }))).toEqual(['ord-delta-4', 'ord-alpha-1', 'ord-beta-2', 'ord-gamma-3']);
      expect(ids(await search.searchOrders({ sort: 'total_asc' }))).toEqual(['ord-beta-2', 'ord-gamma-3', 'ord-alpha-1', 'ord-delta-4']);
      const pages = [0, 1, 2, 3].map((offset) => search.searchOrders({ sort: 'total_asc', limit: 1, offset }));
      const results = await Promise.all(pages);
      expect(results.map((r) => ids(r)[0])).toEqual(['ord-beta-2', 'ord-gamma-3', 'ord-alpha-1', 'ord-delta-4']);
      expect(results.every((r) => r.total === 4)).toBe(true);
      const past = await search.searchOrders({ offset: 10 });
      expect(past.items).toEqual([]);
      expect(past.total).toBe(4);
    });

    it('rejects paging, sorts and statuses outside the schema with a RangeError', async () => {
      for (const query of [{ limit: 0 }, { limit: 101 }, { offset: -1 }, { offset: 10_001 }, { limit: 1.5 }, { sort: 'relevance' }, { status: ['lost'] }, { placedFrom: 'yesterday' }]) {
        await expect(search.searchOrders(query as OrderSearchQuery)).rejects.toBeInstanceOf(RangeError);
      }
      expect(ids(await search.searchOrders({ limit: 100, offset: 10_000 }))).toEqual([]);
    });
  });
}

function describeFixtureSearch(setup: () => Promise<OrderSearchHarness>): void {
  describe('a generated set of orders, against the reference semantics', () => {
    let harness: OrderSearchHarness;
    let search: OrderSearch;
    const writes = buildFixtureOrders(300);
    // Every order again with an older version and another status: must change nothing.
    const stale = writes.filter((d) => d.version > 1).map((d) => ({ ...d, version: d.version - 1, status: 'returned' as const }));
    const stored = referenceStore(writes);
    beforeAll(async () => {
      harness = await setup();
      search = harness.search;
      await search.upsertOrders(writes.slice(0, 150));
      await search.upsertOrders(writes.slice(150));
      const replay = await search.upsertOrders(stale);
      expect(replay).toEqual({ written: 0, ignored: stale.length });
    });
    afterAll(async () => {
      await harness.teardown();
    });

    const queries: OrderSearchQuery[] = [
      {},
      { limit: 100, offset: 100 },
      { sort: 'placed_asc', limit: 50 },
      { sort: 'total_desc', limit: 100, offset: 7 },
      { sort: 'total_asc', limit: 100, offset: 200 },
      { status: ['completed'] },
      { status: ['processing', 'shipped', 'returned'], sort: 'total_asc', limit: 100 },
      { supplier: 'acme-outfitters' },
      { supplier: 'north-mills', status: ['delivered', 'completed'], limit: 100 },
      { customerId: 'cust-7' },
      { placedFrom: '2025-01-02T00:00:00Z', placedTo: '2025-01-03T12:00:00Z', limit: 100 },
      { q: 'muller' },
      { q: 'zoë', status: ['placed', 'processing'] },
      { q: 'example com jo', limit: 100 },
      { q: 'TEE-00', supplier: 'sup-manual', sort: 'total_desc' },
      { q: 'hood blk', limit: 100 },
      { q: 'order-0004' },
      { q: 'c1000' },
      { q: 'nothing-matches-this' },
    ];

    it.each(queries.map((q) => [JSON.stringify(q), q] as const))('answers %s like the reference', async (_name, query) => {
      const expected = referenceSearch(stored, query);
      const actual = await search.searchOrders(query);
      expect(actual.total).toBe(expected.total);
      expect(ids(actual)).toEqual(expected.items.map((d) => d.orderId));
      expect(actual.items).toEqual(expected.items);
      expect(actual.facets).toEqual(expected.facets);
    });

    it('walks every match once, page by page', async () => {
      const query: OrderSearchQuery = { sort: 'total_desc', limit: 37 };
      const seen: string[] = [];
      for (let offset = 0; ; offset += 37) {
        const page = await search.searchOrders({ ...query, offset });
        seen.push(...ids(page));
        if (page.items.length < 37) break;
      }
      expect(seen).toEqual(referenceSearch(stored, query).all);
    });
  });
}
