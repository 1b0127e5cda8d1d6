import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  catalogIndexNames,
  createElasticsearchCatalogReadModel,
  dropCatalogReadModelIndices,
  installCatalogReadModelIndices,
} from '../src/elasticsearch/index.js';
import type { CatalogReadModel } from '../src/ports.js';
import { buildFixtureProducts } from '../src/testing/fixture-catalog.js';
import {
  describeCatalogReadModelContract,
  type CatalogReadModelHarness,
} from './contract/catalog-read-model.contract.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Elasticsearch catalog read model', () => {
  let client: Client;
  beforeAll(() => {
    client = createElasticsearchClient({ node: requireTestStores().elasticsearchUrl });
  });
  afterAll(async () => {
    await client.close();
  });

  /** A fresh, empty read model under its own index prefix; teardown drops its indices. */
  async function harness(): Promise<CatalogReadModelHarness & { prefix: string }> {
    const prefix = `${uniqueStoreName('t')}_`;
    await installCatalogReadModelIndices(client, { prefix });
    return {
      prefix,
      model: createElasticsearchCatalogReadModel({ client, indexPrefix: prefix }),
      teardown: () => dropCatalogReadModelIndices(client, { prefix }),
    };
  }

  describeCatalogReadModelContract('elasticsearch', harness);

  describe('specific to Elasticsearch', () => {
    let h: Awaited<ReturnType<typeof harness>>;
    let model: CatalogReadModel;
    beforeEach(async () => {
      h = await harness();
      model = h.model;
      return () => h.teardown();
    });

    const count = async (index: string) => {
      await client.indices.refresh({ index });
      return (await client.count({ index })).count;
    };

    it('rejects a batch holding an unusable product, naming it, and writes none of the batch', async () => {
      const [good, bad] = buildFixtureProducts(2);
      await expect(
        model.upsertProducts([good!, { ...bad!, createdAt: 'last tuesday' }]),
      ).rejects.toThrow(/product prod-0002: createdAt "last tuesday"/);
      await expect(
        model.upsertProducts([{ ...good!, priceMin: { amount: 12.5, currency: 'USD' } }]),
      ).rejects.toThrow(/priceMin\.amount/);
      await model.refresh();
      expect(await model.getProduct(good!.id)).toBeNull();
      expect(await count(catalogIndexNames(h.prefix).products)).toBe(0);
    });

    it('rejects a handle owned by another product and keeps the previous state', async () => {
      const [a, b, c] = buildFixtureProducts(3);
      await model.upsertProducts([a!, b!]);
      await model.refresh();
      await expect(
        model.upsertProducts([c!, { ...b!, handle: a!.handle, title: 'Renamed' }]),
      ).rejects.toThrow(
        `product ${b!.id}: handle "${a!.handle}" already belongs to product ${a!.id}`,
      );
      await expect(model.upsertProducts([c!, { ...a!, id: 'prod-9999' }])).rejects.toThrow(
        `product prod-9999: handle "${a!.handle}" already belongs to product ${a!.id}`,
      );
      await expect(
        model.upsertProducts([c!, { ...b!, id: 'prod-9999', handle: c!.handle }]),
      ).rejects.toThrow(
        `product prod-9999: handle "${c!.handle}" already belongs to product ${c!.id}`,
      );
      await model.refresh();
      expect(await model.getProduct(c!.id)).toBeNull();
      expect(await model.getProduct(b!.handle)).toEqual(b);
      expect(await model.getProduct(a!.handle)).toEqual(a);

      // Handles may move between products written in the same batch.
      await model.upsertProducts([
        { ...a!, handle: b!.handle },
        { ...b!, handle: a!.handle },
      ]);
      await model.refresh();
      expect((await model.getProduct(b!.handle))?.id).toBe(a!.id);
      expect((await model.getProduct(a!.handle))?.id).toBe(b!.id);
      expect(await count(catalogIndexNames(h.prefix).products)).toBe(2);
    });

    it('makes writes visible to searches once refresh() resolves', async () => {
      // A long refresh interval: only the explicit refresh() can make the write searchable.
      const { products } = catalogIndexNames(h.prefix);
      await client.indices.putSettings({ index: products, settings: { refresh_interval: '1h' } });
      const [a] = buildFixtureProducts(1);
      await model.upsertProducts([a!]);
      expect((await model.searchProducts({})).total).toBe(0);
      await model.refresh();
      expect((await model.searchProducts({})).total).toBe(1);
      expect(await model.getProduct(a!.handle)).toEqual(a);
    });

    it('pings only when its indices exist', async () => {
      await expect(model.ping()).resolves.toBeUndefined();
      const missing = createElasticsearchCatalogReadModel({
        client,
        indexPrefix: `${uniqueStoreName('t')}_`,
      });
      await expect(missing.ping()).rejects.toThrow(/index_not_found/);
    });
  });
});
