import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createElasticsearchOrderSearch,
  dropOrderSearchIndices,
  installOrderSearchIndices,
  ordersIndexName,
} from '../src/elasticsearch/index.js';
import { openOrderSearch } from '../src/open-order-search.js';
import type { OrderSearch } from '../src/ports.js';
import { fixtureOrder } from '../src/testing/fixture-orders.js';
import { describeOrderSearchContract, type OrderSearchHarness } from './contract/order-search.contract.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Elasticsearch orders projection', () => {
  let client: Client;
  beforeAll(() => {
    client = createElasticsearchClient({ node: requireTestStores().elasticsearchUrl });
  });
  afterAll(async () => {
    await client.close();
  });

  /** A fresh, empty projection under its own index prefix; teardown drops its indices. */
  async function harness(refresh: boolean | 'wait_for' = true): Promise<OrderSearchHarness & { prefix: string }> {
    const prefix = `${uniqueStoreName('t')}_`;
    await installOrderSearchIndices(client, { prefix });
    return {
      prefix,
      // Immediate refresh keeps the suite fast; the production default (wait_for) is tested below.
      search: createElasticsearchOrderSearch({ client, indexPrefix: prefix, refresh }),
      teardown: () => dropOrderSearchIndices(client, { prefix }),
    };
  }

  describeOrderSearchContract('elasticsearch', () => harness());

  describe('specific to Elasticsearch', () => {
    let h: Awaited<ReturnType<typeof harness>>;
    let search: OrderSearch;
    beforeEach(async () => {
      h = await harness('wait_for');
      search = h.search;
      return () => h.teardown();
    });

    it('is searchable as soon as upsertOrders resolves with the default refresh policy (wait_for)', async () => {
      const fresh = createElasticsearchOrderSearch({ client, indexPrefix: h.prefix });
      await fresh.upsertOrders([fixtureOrder({ orderId: 'order-1', customerName: 'Grace Hopper' })]);
      expect((await fresh.searchOrders({ q: 'hopper' })).total).toBe(1);
    });

    it('guards versions with external versioning, never a script', async () => {
      const index = ordersIndexName(h.prefix);
      await search.upsertOrders([fixtureOrder({ orderId: 'order-1', version: 4, status: 'shipped' })]);
      const stored = await client.get({ index, id: 'order-1' });
      expect(stored._version).toBe(4);
      expect(await search.upsertOrders([fixtureOrder({ orderId: 'order-1', version: 2, status: 'placed' })])).toEqual({ written: 0, ignored: 1 });
      expect((await client.get({ index, id: 'order-1' }))._version).toBe(4);
      expect(await search.upsertOrders([fixtureOrder({ orderId: 'order-1', version: 9, status: 'delivered' })])).toEqual({ written: 1, ignored: 0 });
      expect((await client.get({ index, id: 'order-1' }))._version).toBe(9);
      expect((await search.getOrder('order-1'))?.status).toBe('delivered');
    });

    it('pings only when its index exists', async () => {
      await expect(search.ping()).resolves.toBeUndefined();
      const missing = createElasticsearchOrderSearch({ client, indexPrefix: `${uniqueStoreName('t')}_` });
      await expect(missing.ping()).rejects.toThrow(/index_not_found/);
    });

    it('opens from search settings, installing the index', async () => {
      const prefix = `${uniqueStoreName('t')}_`;
      const opened = await openOrderSearch({ search: { engine: 'elasticsearch', url: requireTestStores().elasticsearchUrl, indexPrefix: prefix, installIndices: true } });
      try {
        expect(opened.description).toContain(`index ${prefix}orders`);
        await opened.search.upsertOrders([fixtureOrder({ orderId: 'order-7' })]);
        expect((await opened.search.searchOrders({ q: 'order-7' })).total).toBe(1);
      } finally {
        await opened.close();
        await dropOrderSearchIndices(client, { prefix });
      }
    });
  });
});
