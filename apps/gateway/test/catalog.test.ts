import type {
  CollectionView,
  ProductSearchResult,
  ProductView,
} from '@commerce/contracts/inventory';
import { buildFixtureCollections, buildFixtureProducts } from '@commerce/catalog-search/testing';
import { testStores } from '@commerce/test-kit/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';

const fixture = buildFixtureProducts();
const byId = new Map(fixture.map((p) => [p.id, p]));
const ids = (result: ProductSearchResult): string[] => result.items.map((p) => p.id);
const count = (predicate: (p: ProductView) => boolean): number => fixture.filter(predicate).length;

const stores = testStores();
/** Every search backend, seeded with the same fixture; the same assertions run against each. */
const BACKENDS = [
  { name: 'SQLite', search: 'sqlite', skipReason: undefined },
  {
    name: 'Elasticsearch',
    search: 'elasticsearch',
    skipReason: 'skipReason' in stores ? stores.skipReason : undefined,
  },
] as const;

describe.each(BACKENDS.map((b) => [b.name, b] as const))(
  'catalog routes over the %s read model',
  (_name, { search: backend, skipReason }) => {
    describe.skipIf(skipReason !== undefined)(skipReason ?? 'with the fixture catalog', () => {
      let h: GatewayHarness;
      const search = async (query: string): Promise<ProductSearchResult> => {
        const response = await h.app.inject({ method: 'GET', url: `/v1/products${query}` });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        return json<ProductSearchResult>(response);
      };

      beforeAll(async () => {
        h = await createGatewayHarness({ seed: true, search: backend });
      });
      afterAll(async () => {
        await h.close();
      });

      it('lists products with the default page and facets with counts', async () => {
        const result = await search('');
        expect(result.total).toBe(fixture.length);
        expect(result.limit).toBe(24);
        expect(result.offset).toBe(0);
        expect(result.items).toHaveLength(24);
        const tees = result.facets.collection.find((b) => b.value === 'tees');
        expect(tees?.count).toBe(count((p) => p.collections.includes('tees')));
        const red = result.facets.color.find((b) => b.value === 'red');
        expect(red?.count).toBe(count((p) => p.colors.includes('red')));
        const manual = result.facets.supplierType.find((b) => b.value === 'manual');
        expect(manual?.count).toBe(count((p) => p.supplier.type === 'manual'));
        expect(result.facets.price.reduce((sum, b) => sum + b.count, 0)).toBe(fixture.length);
        const inStockTrue = result.facets.inStock.find((b) => b.value === 'true');
        expect(inStockTrue?.count).toBe(count((p) => p.inStock));
        expect(result.facets.size.length).toBeGreaterThan(0);
      });

      it('searches the full text', async () => {
        const result = await search('?q=jacket&limit=100');
        const expected = fixture.filter((p) =>
          /\bjacket\b/i.test(`${p.title} ${p.description} ${p.tags.join(' ')}`),
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(ids(result).sort()).toEqual(expected.map((p) => p.id).sort());
        expect(result.total).toBe(expected.length);
      });

      it('filters by collection, color, size, supplier type, price range and availability', async () => {
        const cases: [string, (p: ProductView) => boolean][] = [
          ['collection=outerwear', (p) => p.collections.includes('outerwear')],
          [
            'collection=outerwear&collection=bags',
            (p) => p.collections.includes('outerwear') || p.collections.includes('bags'),
          ],
          ['color=red', (p) => p.colors.includes('red')],
          ['color=red&color=navy', (p) => p.colors.includes('red') || p.colors.includes('navy')],
          ['size=XL', (p) => p.sizes.includes('XL')],
          ['supplierType=dropship-api', (p) => p.supplier.type === 'dropship-api'],
          [
            'minPrice=5000&maxPrice=9999',
            (p) => p.priceMin.amount >= 5000 && p.priceMin.amount <= 9999,
          ],
          ['inStock=true', (p) => p.inStock],
          ['inStock=false', (p) => !p.inStock],
          [
            'collection=tees&color=red',
            (p) => p.collections.includes('tees') && p.colors.includes('red'),
          ],
        ];
        for (const [query, predicate] of cases) {
          const result = await search(`?${query}&limit=100`);
          const expected = fixture
            .filter(predicate)
            .map((p) => p.id)
            .sort();
          expect(ids(result).sort(), query).toEqual(expected);
          expect(result.total, query).toBe(expected.length);
        }
      });

      it('counts facets disjunctively: a facet ignores its own filter', async () => {
        const result = await search('?color=red');
        const blue = result.facets.color.find((b) => b.value === 'blue');
        expect(blue?.count).toBe(count((p) => p.colors.includes('blue')));
        const tees = result.facets.collection.find((b) => b.value === 'tees');
        expect(tees?.count ?? 0).toBe(
          count((p) => p.colors.includes('red') && p.collections.includes('tees')),
        );
      });

      it('sorts', async () => {
        const asc = (await search('?sort=price_asc&limit=100')).items.map((p) => p.priceMin.amount);
        expect(asc).toEqual([...asc].sort((a, b) => a - b));
        const desc = (await search('?sort=price_desc&limit=100')).items.map(
          (p) => p.priceMin.amount,
        );
        expect(desc).toEqual([...desc].sort((a, b) => b - a));
        const newest = (await search('?sort=newest&limit=100')).items.map((p) => p.createdAt);
        expect(newest).toEqual([...newest].sort().reverse());
        const titles = (await search('?sort=title_asc&limit=100')).items.map((p) =>
          p.title.toLowerCase(),
        );
        expect(titles).toEqual([...titles].sort());
        expect(asc).toHaveLength(fixture.length);
      });

      it('paginates with limit and offset over a stable order', async () => {
        const all = ids(await search('?sort=title_asc&limit=100'));
        const page2 = await search('?sort=title_asc&limit=7&offset=7');
        expect(page2.limit).toBe(7);
        expect(page2.offset).toBe(7);
        expect(page2.total).toBe(fixture.length);
        expect(ids(page2)).toEqual(all.slice(7, 14));
        const past = await search('?sort=title_asc&limit=10&offset=1000');
        expect(past.items).toEqual([]);
        expect(past.total).toBe(fixture.length);
      });

      it('gets a product by id and by handle', async () => {
        const product = fixture[5]!;
        const byIdResponse = await h.app.inject({
          method: 'GET',
          url: `/v1/products/${product.id}`,
        });
        expect(byIdResponse.statusCode).toBe(200);
        expect(json(byIdResponse)).toEqual(byId.get(product.id));
        const byHandle = await h.app.inject({
          method: 'GET',
          url: `/v1/products/${product.handle}`,
        });
        expect(byHandle.statusCode).toBe(200);
        expect(json<ProductView>(byHandle).id).toBe(product.id);
      });

      it('answers 404 product_not_found for an unknown product', async () => {
        const response = await h.app.inject({ method: 'GET', url: '/v1/products/prod-9999' });
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(json(response)).toMatchObject({
          status: 404,
          code: 'product_not_found',
          requestId: response.headers['x-request-id'],
        });
      });

      it('lists collections with product counts and gets one by handle', async () => {
        const response = await h.app.inject({ method: 'GET', url: '/v1/collections' });
        expect(response.statusCode).toBe(200);
        const { items } = json<{ items: CollectionView[] }>(response);
        const expected = buildFixtureCollections().map((c) => ({
          handle: c.handle,
          productCount: count((p) => p.collections.includes(c.handle)),
        }));
        expect(
          items
            .map((c) => ({ handle: c.handle, productCount: c.productCount }))
            .sort((a, b) => a.handle.localeCompare(b.handle)),
        ).toEqual(expected.sort((a, b) => a.handle.localeCompare(b.handle)));
        const one = await h.app.inject({ method: 'GET', url: '/v1/collections/outerwear' });
        expect(one.statusCode).toBe(200);
        expect(json(one)).toMatchObject({
          handle: 'outerwear',
          title: 'Outerwear',
          productCount: count((p) => p.collections.includes('outerwear')),
        });
      });

      it('answers 404 collection_not_found for an unknown collection', async () => {
        const response = await h.app.inject({
          method: 'GET',
          url: '/v1/collections/no-such-thing',
        });
        expect(response.statusCode).toBe(404);
        expect(json(response)).toMatchObject({ code: 'collection_not_found', status: 404 });
      });

      it('answers the health and readiness probes against the real dependencies', async () => {
        const health = await h.app.inject({ method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
        expect(json(health)).toEqual({ status: 'ok' });
        const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode, ready.body).toBe(200);
        expect(json(ready)).toMatchObject({
          status: 'ready',
          checks: {
            temporal: { status: 'up' },
            readModel: { status: 'up' },
            orderSearch: { status: 'up' },
          },
        });
      });
    });
  },
);
