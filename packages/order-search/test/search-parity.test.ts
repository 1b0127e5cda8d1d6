import type { OrderSearchQuery } from '@commerce/contracts/oms';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElasticsearchOrderSearch, dropOrderSearchIndices, installOrderSearchIndices } from '../src/elasticsearch/index.js';
import type { OrderSearch } from '../src/ports.js';
import { createSqliteOrderSearch, migrateOrderSearch } from '../src/sqlite/index.js';
import { buildFixtureOrders, fixtureOrder } from '../src/testing/fixture-orders.js';

// The same orders in both adapters (written in the same batches, stale replays included), the
// same queries, the same answers: totals, items in order, and every facet bucket.

const stores = testStores();

const EXTRA = [
  fixtureOrder({ orderId: 'ord-x-1', customerName: 'Ørjan Ødegård', customerEmail: 'orjan@example.no', skus: ['SKI-0001-RED-L'], suppliers: ['north-mills'] }),
  fixtureOrder({ orderId: 'ord-x-2', customerName: 'İlkay Şahin', customerEmail: 'ilkay@example.tr', skus: ['SKI-0001-RED-XL'], suppliers: ['zeta-goods'] }),
  fixtureOrder({ orderId: 'ord_x.3', customerName: 'Ngô Bảo Châu', customerEmail: 'ngo@example.vn', skus: ['HAT-0001-BLK-S'], status: 'returned' }),
];
const ORDERS = [...buildFixtureOrders(800, 11), ...EXTRA];
const STALE = ORDERS.filter((d) => d.version > 2).map((d) => ({ ...d, version: 1, status: 'placed' as const, customerName: 'Stale Name' }));

const CASES: OrderSearchQuery[] = [
  {},
  { limit: 100, offset: 700 },
  { sort: 'placed_asc', limit: 100, offset: 33 },
  { sort: 'total_desc', limit: 100 },
  { sort: 'total_asc', offset: 400 },
  { status: ['delivered'] },
  { status: ['placed', 'processing', 'partially_shipped'], sort: 'total_desc', limit: 100 },
  { supplier: 'zeta-goods' },
  { supplier: 'sup-dropship', status: ['completed'], limit: 100 },
  { customerId: 'cust-3', sort: 'placed_asc' },
  { placedFrom: '2025-01-03T00:00:00Z' },
  { placedTo: '2025-01-02T05:00:00+03:00', sort: 'total_asc', limit: 100 },
  { placedFrom: '2025-01-02T00:00:00Z', placedTo: '2025-01-02T23:59:59.999Z', status: ['shipped', 'delivered'] },
  { q: 'stale' },
  { q: 'garcia' },
  { q: 'GARCÍA', status: ['completed'] },
  { q: 'chloe dubois', limit: 100 },
  { q: 'TEE-0003' },
  { q: 'RED-XL', sort: 'total_desc' },
  { q: 'hood 0012' },
  { q: 'example.com b', limit: 100 },
  { q: 'order-0001' },
  { q: 'c1001' },
  { q: 'odegard' },
  { q: 'ØDEGÅRD' },
  { q: 'ilkay sahin' },
  { q: 'chau' },
  { q: 'ord_x.3' },
  { q: 'x.3' },
  { q: 'SKI-0001-RED-L' },
  { q: '"quoted" (paren) OR * -' },
  { q: 'mei', supplier: 'acme-outfitters', status: ['processing', 'shipped'], customerId: 'cust-9' },
];

describe.skipIf('skipReason' in stores)('orders search parity: SQLite vs Elasticsearch', () => {
  let client: Client;
  let db: SqliteDatabase;
  let prefix: string;
  let sqlite: OrderSearch;
  let elasticsearch: OrderSearch;

  beforeAll(async () => {
    client = createElasticsearchClient({ node: requireTestStores().elasticsearchUrl });
    prefix = `${uniqueStoreName('t')}_`;
    await installOrderSearchIndices(client, { prefix });
    db = openDatabase({ filename: ':memory:' });
    migrateOrderSearch(db);
    sqlite = createSqliteOrderSearch({ db });
    elasticsearch = createElasticsearchOrderSearch({ client, indexPrefix: prefix, refresh: false });
    for (const adapter of [sqlite, elasticsearch]) {
      expect(await adapter.upsertOrders(ORDERS.slice(0, 400))).toEqual({ written: 400, ignored: 0 });
      expect(await adapter.upsertOrders(ORDERS.slice(400))).toEqual({ written: ORDERS.length - 400, ignored: 0 });
      expect(await adapter.upsertOrders(STALE)).toEqual({ written: 0, ignored: STALE.length });
    }
    await client.indices.refresh({ index: `${prefix}orders` });
  });
  afterAll(async () => {
    db?.close();
    if (client !== undefined) {
      await dropOrderSearchIndices(client, { prefix });
      await client.close();
    }
  });

  it.each(CASES.map((query) => [JSON.stringify(query), query] as const))('%s', async (_name, query) => {
    const [a, b] = await Promise.all([sqlite.searchOrders(query), elasticsearch.searchOrders(query)]);
    expect(b).toEqual(a);
  });

  it('is not vacuous: the text cases match orders', async () => {
    for (const q of ['garcia', 'chloe dubois', 'TEE-0003', 'RED-XL', 'example.com b', 'order-0001', 'c1001', 'ØDEGÅRD', 'ilkay sahin', 'chau', 'x.3', 'SKI-0001-RED-L']) {
      expect((await sqlite.searchOrders({ q })).total, q).toBeGreaterThan(0);
    }
    expect((await sqlite.searchOrders({ q: 'SKI-0001-RED-L' })).total).toBe(1);
    expect((await sqlite.searchOrders({ q: 'stale' })).total).toBe(0);
  });

  it('finds the same orders by id', async () => {
    for (const doc of [...ORDERS.slice(0, 20), ...EXTRA]) {
      expect(await elasticsearch.getOrder(doc.orderId)).toEqual(await sqlite.getOrder(doc.orderId));
      expect(await sqlite.getOrder(doc.orderId)).toEqual(doc);
    }
  });
});
