import type {
  ProductSearchQuery,
  ProductSearchResult,
  ProductSort,
  ProductView,
} from '@commerce/contracts/inventory';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PRICE_BUCKETS, type CatalogReadModel } from '../../src/ports.js';
import {
  buildFixtureCollections,
  buildFixtureProducts,
  buildFixtureStockLevels,
  fixtureProduct,
  type FixtureProductSpec,
} from '../../src/testing/fixture-catalog.js';
import { referenceOrder, referenceSearch } from './reference-catalog-search.js';

export interface CatalogReadModelHarness {
  model: CatalogReadModel;
  teardown(): Promise<void>;
}

/**
 * The behaviour every CatalogReadModel adapter must have. It talks to the adapter only through
 * the port; `setup` returns a fresh, empty read model on a real store and a teardown.
 */
export function describeCatalogReadModelContract(
  adapterName: string,
  setup: () => Promise<CatalogReadModelHarness>,
): void {
  describe(`CatalogReadModel contract: ${adapterName}`, () => {
    describeWritesAndLookups(setup);
    describeFixtureSearch(setup);
  });
}

const ids = (result: ProductSearchResult): string[] => result.items.map((p) => p.id);
const sorted = (values: readonly string[]): string[] => [...values].sort();

/** A product with one variant per color x size, all at `price`. */
function product(
  spec: Omit<FixtureProductSpec, 'variants'> & {
    colors?: string[];
    sizes?: string[];
    price?: number;
    available?: number;
  },
) {
  const { colors = ['black'], sizes = ['M'], price = 3_000, available = 5, ...rest } = spec;
  return fixtureProduct({
    ...rest,
    variants: colors.flatMap((color) => sizes.map((size) => ({ color, size, price, available }))),
  });
}

function describeWritesAndLookups(setup: () => Promise<CatalogReadModelHarness>): void {
  describe('writes and lookups', () => {
    let harness: CatalogReadModelHarness;
    let model: CatalogReadModel;
    beforeEach(async () => {
      harness = await setup();
      model = harness.model;
    });
    afterEach(async () => {
      await harness.teardown();
    });

    const write = async (products: ProductView[]) => {
      await model.upsertProducts(products);
      await model.refresh();
    };

    it('stores a product and returns it by id and by handle', async () => {
      const tee = product({
        id: 'tee-1',
        handle: 'plain-tee',
        title: 'Plain Tee',
        colors: ['white', 'black'],
        sizes: ['S', 'M'],
      });
      await write([tee]);
      expect(await model.getProduct('tee-1')).toEqual(tee);
      expect(await model.getProduct('plain-tee')).toEqual(tee);
      expect(await model.getProduct('tee-2')).toBeNull();
      expect(await model.getProduct('')).toBeNull();
    });

    it('prefers the product whose id matches over one whose handle matches', async () => {
      const a = product({ id: 'alpha-1', handle: 'alpha-handle', title: 'Alpha' });
      const b = product({ id: 'beta-1', handle: 'alpha-1', title: 'Beta' });
      await write([b, a]);
      expect((await model.getProduct('alpha-1'))?.title).toBe('Alpha');
      expect((await model.getProduct('alpha-handle'))?.title).toBe('Alpha');
      expect((await model.getProduct('beta-1'))?.title).toBe('Beta');
    });

    it('replaces a product entirely: stale handle, facet values and search terms disappear', async () => {
      await model.upsertCollections(buildFixtureCollections());
      await write([
        product({
          id: 'parka-1',
          handle: 'crimson-parka',
          title: 'Crimson Parka',
          colors: ['red'],
          sizes: ['M'],
          collections: ['outerwear'],
          tags: ['winter'],
        }),
        product({
          id: 'cap-1',
          title: 'Canvas Cap',
          colors: ['green'],
          sizes: ['One Size'],
          collections: ['accessories'],
        }),
      ]);
      expect((await model.searchProducts({ q: 'crimson' })).total).toBe(1);
      await write([
        product({
          id: 'parka-1',
          handle: 'azure-parka',
          title: 'Azure Parka',
          colors: ['blue'],
          sizes: ['L'],
          collections: ['sale'],
          tags: ['spring'],
        }),
      ]);

      expect((await model.getProduct('parka-1'))?.title).toBe('Azure Parka');
      expect(await model.getProduct('crimson-parka')).toBeNull();
      expect((await model.getProduct('azure-parka'))?.id).toBe('parka-1');
      for (const q of ['crimson', 'winter', 'outerwear'])
        expect((await model.searchProducts({ q })).total, q).toBe(0);
      for (const q of ['azure', 'spring', 'sale', 'parka'])
        expect(ids(await model.searchProducts({ q })), q).toEqual(['parka-1']);
      expect((await model.searchProducts({ color: ['red'] })).total).toBe(0);

      const { facets, total } = await model.searchProducts({});
      expect(total).toBe(2);
      expect(facets.color).toEqual([
        { value: 'blue', count: 1 },
        { value: 'green', count: 1 },
      ]);
      expect(facets.size).toEqual([
        { value: 'L', count: 1 },
        { value: 'One Size', count: 1 },
      ]);
      expect(facets.collection).toEqual([
        { value: 'accessories', count: 1 },
        { value: 'sale', count: 1 },
      ]);
      expect((await model.getCollection('outerwear'))?.productCount).toBe(0);
      expect((await model.getCollection('sale'))?.productCount).toBe(1);
    });

    it('is idempotent: writing the same products again changes no count', async () => {
      const products = buildFixtureProducts(6);
      await write(products);
      const once = await model.searchProducts({ limit: 100 });
      await write(products);
      await write([...products].reverse());
      expect(await model.searchProducts({ limit: 100 })).toEqual(once);
      expect(once.total).toBe(6);
    });

    it('ranks a title match above a description-only match', async () => {
      // Neither id order nor recency explains the expected order: only the matching field does.
      await write([
        product({
          id: 'prod-zeta',
          title: 'Merino Crew Sweater',
          description: 'A soft knit for cold mornings.',
          createdAt: '2024-01-01T00:00:00.000Z',
        }),
        product({
          id: 'prod-alpha',
          title: 'Lambswool Cardigan',
          description: 'Knitted with a merino blend for warmth.',
          createdAt: '2024-02-01T00:00:00.000Z',
        }),
        product({
          id: 'prod-mid',
          title: 'Cotton Tee',
          description: 'Breathable jersey.',
          createdAt: '2024-03-01T00:00:00.000Z',
        }),
      ]);
      const result = await model.searchProducts({ q: 'merino' });
      expect(ids(result)).toEqual(['prod-zeta', 'prod-alpha']);
      expect(result.total).toBe(2);
      expect(ids(await model.searchProducts({ q: 'merino', sort: 'relevance' }))).toEqual([
        'prod-zeta',
        'prod-alpha',
      ]);
    });

    it('matches the last token as a prefix and every other token whole, ANDed across fields', async () => {
      await write([
        product({
          id: 'sweater-1',
          title: 'Merino Crew Sweater',
          description: 'A soft knit for cold mornings.',
        }),
        product({
          id: 'cardigan-1',
          title: 'Lambswool Cardigan',
          description: 'Knitted with a merino blend for warmth.',
        }),
      ]);
      const found = async (q: string) => sorted(ids(await model.searchProducts({ q })));
      expect(await found('meri')).toEqual(['cardigan-1', 'sweater-1']);
      expect(await found('m')).toEqual(['cardigan-1', 'sweater-1']);
      expect(await found('merino swea')).toEqual(['sweater-1']);
      expect(await found('sweater meri')).toEqual(['sweater-1']);
      expect(await found('meri sweater')).toEqual([]);
      expect(await found('merino cardigan')).toEqual(['cardigan-1']);
      expect(await found('lambswool blend')).toEqual(['cardigan-1']);
      expect(await found('cardigan mornings')).toEqual([]);
      expect(await found('merinos')).toEqual([]);
    });

    it('ignores case and diacritics', async () => {
      await write([product({ id: 'cafe-1', title: 'Café Crème Mug', description: 'Stoneware.' })]);
      for (const q of ['CAFE', 'café', 'creme mug', 'CRÈME', 'cafe\u0301']) {
        expect(ids(await model.searchProducts({ q })), q).toEqual(['cafe-1']);
      }
    });

    it('searches vendor, tags, colors and collection handles', async () => {
      await write([
        product({
          id: 'bag-1',
          title: 'Tote',
          vendor: 'Fjordline Supply',
          tags: ['organic'],
          colors: ['teal'],
          collections: ['capsule-wardrobe'],
        }),
        product({
          id: 'bag-2',
          title: 'Tote',
          vendor: 'Harbor Goods',
          tags: ['recycled'],
          colors: ['black'],
          collections: ['bags'],
        }),
      ]);
      for (const q of ['fjordline', 'organic', 'teal', 'capsule', 'wardrobe']) {
        expect(ids(await model.searchProducts({ q })), q).toEqual(['bag-1']);
      }
    });

    it('filters and buckets prices by priceMin with inclusive bounds', async () => {
      const prices = [2_499, 2_500, 4_999, 5_000, 25_000];
      await write(
        prices.map((price) => product({ id: `price-${price}`, title: `Item ${price}`, price })),
      );
      const inRange = async (minPrice?: number, maxPrice?: number) =>
        sorted(
          ids(
            await model.searchProducts({
              ...(minPrice !== undefined && { minPrice }),
              ...(maxPrice !== undefined && { maxPrice }),
            }),
          ),
        );
      expect(await inRange(2_500, 4_999)).toEqual(['price-2500', 'price-4999']);
      expect(await inRange(2_500, 2_500)).toEqual(['price-2500']);
      expect(await inRange(2_501, 4_998)).toEqual([]);
      expect(await inRange(5_000)).toEqual(['price-25000', 'price-5000']);
      expect(await inRange(undefined, 2_499)).toEqual(['price-2499']);
      const { facets } = await model.searchProducts({});
      expect(facets.price.map((b) => [b.key, b.count])).toEqual([
        ['under-25', 1],
        ['25-50', 2],
        ['50-100', 1],
        ['100-250', 0],
        ['250-plus', 1],
      ]);
    });

    it('lists collections by title with product counts derived from the products', async () => {
      await model.upsertCollections([
        { handle: 'outerwear', title: 'Outerwear', description: 'Coats.' },
        { handle: 'bags', title: 'bags & packs', description: 'Carry.' },
        { handle: 'accessories', title: 'Accessories', description: 'Small things.' },
      ]);
      await write([
        product({ id: 'coat-1', title: 'Coat', collections: ['outerwear'] }),
        product({ id: 'coat-2', title: 'Rain Coat', collections: ['outerwear', 'bags'] }),
        product({ id: 'ghost-1', title: 'Ghost', collections: ['ghost-collection'] }),
      ]);
      expect(await model.listCollections()).toEqual([
        {
          handle: 'accessories',
          title: 'Accessories',
          description: 'Small things.',
          productCount: 0,
        },
        { handle: 'bags', title: 'bags & packs', description: 'Carry.', productCount: 1 },
        { handle: 'outerwear', title: 'Outerwear', description: 'Coats.', productCount: 2 },
      ]);
      expect(await model.getCollection('outerwear')).toEqual({
        handle: 'outerwear',
        title: 'Outerwear',
        description: 'Coats.',
        productCount: 2,
      });
      expect(await model.getCollection('ghost-collection')).toBeNull();
      expect(await model.getCollection('nope')).toBeNull();

      await model.upsertCollections([
        { handle: 'outerwear', title: 'Coats & Jackets', description: 'Renamed.' },
      ]);
      await model.refresh();
      expect((await model.listCollections()).map((c) => [c.handle, c.title])).toEqual([
        ['accessories', 'Accessories'],
        ['bags', 'bags & packs'],
        ['outerwear', 'Coats & Jackets'],
      ]);
    });

    it('round-trips stock levels and replaces them by SKU', async () => {
      const products = buildFixtureProducts(2);
      const levels = buildFixtureStockLevels(products);
      await model.upsertStockLevels(levels);
      await model.refresh();
      const first = levels[0]!;
      expect(await model.getStockLevel(first.sku)).toEqual(first);
      expect(await model.getStockLevel(levels.at(-1)!.sku)).toEqual(levels.at(-1));

      const updated = {
        ...first,
        available: first.available + 7,
        onHand: first.onHand + 7,
        lowStock: false,
        projectedAt: '2024-07-01T00:00:00.000Z',
      };
      await model.upsertStockLevels([updated]);
      await model.refresh();
      expect(await model.getStockLevel(first.sku)).toEqual(updated);
      expect(await model.getStockLevel('NO-SUCH-SKU')).toBeNull();
    });

    it('accepts empty writes and answers ping', async () => {
      await model.upsertProducts([]);
      await model.upsertCollections([]);
      await model.upsertStockLevels([]);
      await model.refresh();
      await expect(model.ping()).resolves.toBeUndefined();
      const empty = await model.searchProducts({ q: 'anything' });
      expect(empty).toMatchObject({ items: [], total: 0, limit: 24, offset: 0 });
      expect(empty.facets.price.map((b) => b.count)).toEqual(PRICE_BUCKETS.map(() => 0));
      expect(empty.facets.color).toEqual([]);
      expect(await model.listCollections()).toEqual([]);
    });

    it('rejects paging outside the schema bounds', async () => {
      for (const bad of [
        { limit: 0 },
        { limit: 101 },
        { limit: 2.5 },
        { offset: -1 },
        { offset: 10_001 },
        { minPrice: -1 },
      ]) {
        await expect(model.searchProducts(bad), JSON.stringify(bad)).rejects.toThrow(RangeError);
      }
    });
  });
}

/** Filters alone and combined, with and without text. Each must select some but not all products. */
const REFERENCE_QUERIES: ProductSearchQuery[] = [
  { collection: ['outerwear'] },
  { collection: ['outerwear', 'bags'] },
  { color: ['red'] },
  { color: ['red', 'blue'] },
  { size: ['M'] },
  { size: ['One Size', '42'] },
  { supplierType: ['manual'] },
  { supplierType: ['simulated', 'dropship-api'] },
  { minPrice: 5_000 },
  { maxPrice: 4_999 },
  { minPrice: 2_500, maxPrice: 10_000 },
  { inStock: true },
  { inStock: false },
  { color: ['red'], size: ['M'] },
  { collection: ['outerwear', 'accessories'], color: ['black', 'navy'], inStock: true },
  {
    color: ['red', 'white'],
    size: ['L', 'One Size'],
    supplierType: ['simulated'],
    minPrice: 1_000,
    maxPrice: 30_000,
    inStock: true,
  },
  { collection: ['sale'], sort: 'price_asc' },
  { q: 'merino' },
  { q: 'waterproof' },
  { q: 'wool scarf' },
  { q: 'hoo' },
  { q: 'trails', inStock: true },
  { q: 'merino', color: ['red', 'black'], sort: 'title_asc' },
  { q: 'canvas', collection: ['bags', 'accessories'], maxPrice: 9_999 },
];

const SORTS: ProductSort[] = ['price_asc', 'price_desc', 'newest', 'title_asc'];

/** Hostile or odd `q` values: none may throw, each must mean exactly its letters and digits. */
const HOSTILE_QUERIES: string[] = [
  '"',
  '""',
  '"merino',
  "merino'",
  '*',
  '**',
  'merino*',
  '*merino',
  '^merino',
  'merino^2',
  'title:merino',
  'description: waterproof',
  '{title description}: merino',
  '-merino',
  '+merino',
  'merino -hoodie',
  'NEAR(merino hoodie)',
  'NEAR(merino hoodie, 2)',
  'merino NEAR/2 hoodie',
  'merino AND',
  'AND',
  'OR',
  'NOT merino',
  'merino OR scarf',
  '(merino',
  'merino)',
  '((((',
  ')))',
  '(merino OR (scarf',
  "merino'; DROP TABLE catalog_products; --",
  "1' OR '1'='1",
  'SELECT * FROM products WHERE 1=1',
  '\\',
  '%',
  '_%_',
  '\u0000',
  '\u0000merino',
  'merino\u200bhoodie',
  '🔥',
  '👕 merino 👕',
  '🏳️‍🌈',
  'ÆØÅ ñ ü',
  '日本語',
  '١٢٣',
  '   ',
  '',
  '\n\t\r',
  'MERINO',
  'mérino',
  'x'.repeat(200),
  '!@#$%^&*()_+{}|:"<>?~`-=[];\',./'.repeat(7).slice(0, 200),
  'a"b*c(d)e:f^g-h+i{j}k~'.repeat(10).slice(0, 200),
  Array.from({ length: 100 }, () => 'a').join(' '),
  'merino '.repeat(28),
];

function describeFixtureSearch(setup: () => Promise<CatalogReadModelHarness>): void {
  describe('search over the fixture catalog', () => {
    const products = buildFixtureProducts();
    const byId = new Map(products.map((p) => [p.id, p]));
    let harness: CatalogReadModelHarness;
    let model: CatalogReadModel;
    beforeAll(async () => {
      harness = await setup();
      model = harness.model;
      await model.upsertCollections(buildFixtureCollections());
      await model.upsertProducts(products);
      await model.refresh();
    });
    afterAll(async () => {
      await harness.teardown();
    });

    /** Every match, in order (the fixture fits in one page of 100). */
    const searchAll = (query: ProductSearchQuery) =>
      model.searchProducts({ ...query, limit: 100, offset: 0 });

    it('returns every product newest first with the default paging when nothing is asked', async () => {
      const result = await model.searchProducts({});
      const expected = referenceSearch(products, {});
      expect(result.total).toBe(products.length);
      expect(result.limit).toBe(24);
      expect(result.offset).toBe(0);
      expect(ids(result)).toEqual(expected.ids.slice(0, 24));
      expect(result.items[0]).toEqual(byId.get(expected.ids[0]!));
      expect(result.facets).toEqual(expected.facets);
    });

    it.each(REFERENCE_QUERIES.map((query) => [JSON.stringify(query), query] as const))(
      'matches the reference semantics for %s',
      async (_name, query) => {
        const expected = referenceSearch(products, query);
        expect(expected.total, 'fixture must make this query selective').toBeGreaterThan(0);
        expect(expected.total).toBeLessThan(products.length);
        const result = await searchAll(query);
        expect(result.total).toBe(expected.total);
        if (query.q === undefined || query.sort !== undefined)
          expect(ids(result)).toEqual(expected.ids);
        else expect(sorted(ids(result))).toEqual(sorted(expected.ids));
        expect(result.facets).toEqual(expected.facets);
      },
    );

    it('counts facets disjunctively: a facet ignores its own filter but honours the others', async () => {
      const all = await model.searchProducts({});
      const red = await model.searchProducts({ color: ['red'] });
      const count = (facet: { value: string; count: number }[], value: string) =>
        facet.find((b) => b.value === value)?.count;
      const withColor = (color: string) => products.filter((p) => p.colors.includes(color));

      expect(red.total).toBe(withColor('red').length);
      expect(count(red.facets.color, 'red')).toBe(red.total);
      expect(count(red.facets.color, 'blue')).toBe(withColor('blue').length);
      expect(red.facets.color).toEqual(all.facets.color);
      for (const bucket of red.facets.size) {
        expect(bucket.count, bucket.value).toBe(
          withColor('red').filter((p) => p.sizes.includes(bucket.value)).length,
        );
      }
      expect(red.facets.size).not.toEqual(all.facets.size);

      const redOrBlue = await model.searchProducts({ color: ['red', 'blue'] });
      expect(redOrBlue.facets.color).toEqual(all.facets.color);
      expect(redOrBlue.total).toBe(
        products.filter((p) => p.colors.includes('red') || p.colors.includes('blue')).length,
      );

      const pricey = await model.searchProducts({ minPrice: 10_000, color: ['red'] });
      expect(pricey.facets.price).toEqual(red.facets.price);
      expect(pricey.facets.color).not.toEqual(all.facets.color);

      const inStock = await model.searchProducts({ inStock: true });
      expect(inStock.facets.inStock).toEqual(all.facets.inStock);
      expect(count(all.facets.inStock, 'true')).toBe(products.filter((p) => p.inStock).length);
      expect(count(all.facets.inStock, 'false')).toBe(products.filter((p) => !p.inStock).length);
    });

    it('shapes facets: positive counts by count desc then value, all price buckets in order', async () => {
      const { facets, total } = await model.searchProducts({ q: 'merino' });
      for (const name of ['collection', 'color', 'size', 'supplierType', 'inStock'] as const) {
        const buckets = facets[name];
        expect(buckets.length, name).toBeGreaterThan(0);
        expect(buckets.length, name).toBeLessThanOrEqual(100);
        for (const [i, bucket] of buckets.entries()) {
          expect(bucket.count).toBeGreaterThan(0);
          const next = buckets[i + 1];
          if (next)
            expect(
              bucket.count > next.count ||
                (bucket.count === next.count && bucket.value < next.value),
            ).toBe(true);
        }
      }
      expect(facets.price.map(({ key, from, to }) => ({ key, from, to }))).toEqual(
        PRICE_BUCKETS.map(({ key, from, to }) => ({ key, from, to })),
      );
      expect(facets.price.reduce((sum, b) => sum + b.count, 0)).toBe(total);
      expect(facets.inStock.reduce((sum, b) => sum + b.count, 0)).toBe(total);
      expect(facets.inStock.every((b) => b.value === 'true' || b.value === 'false')).toBe(true);
    });

    it('includes both price bounds', async () => {
      for (const price of [2_500, 5_000, 10_000, 25_000]) {
        const expected = products.filter((p) => p.priceMin.amount === price).map((p) => p.id);
        expect(expected.length, `fixture has products at ${price}`).toBeGreaterThan(1);
        expect(sorted(ids(await searchAll({ minPrice: price, maxPrice: price })))).toEqual(
          sorted(expected),
        );
        expect(ids(await searchAll({ minPrice: price + 1, maxPrice: price + 1 }))).toEqual([]);
      }
    });

    it('returns an empty result, not an error, when minPrice exceeds maxPrice', async () => {
      const result = await model.searchProducts({ minPrice: 10_000, maxPrice: 9_999 });
      const expected = referenceSearch(products, { minPrice: 10_000, maxPrice: 9_999 });
      expect(result.items).toEqual([]);
      expect(result.total).toBe(0);
      expect(result.facets).toEqual(expected.facets);
      expect(result.facets.color).toEqual([]);
      expect(result.facets.price.reduce((sum, b) => sum + b.count, 0)).toBe(products.length);
    });

    it.each(SORTS)('sorts by %s with id as the final tie-breaker', async (sort) => {
      const expected = [...products].sort(referenceOrder(sort)).map((p) => p.id);
      const order = referenceOrder(sort);
      const primaryTies = expected.filter((id, i) => {
        const next = expected[i + 1];
        if (next === undefined) return false;
        const [a, b] = [byId.get(id)!, byId.get(next)!];
        return order({ ...a, id: '' }, { ...b, id: '' }) === 0;
      });
      expect(primaryTies.length, 'fixture has ties to break').toBeGreaterThan(0);
      expect(ids(await searchAll({ sort }))).toEqual(expected);
    });

    it('sorts relevance without q as newest', async () => {
      expect(ids(await searchAll({ sort: 'relevance' }))).toEqual(
        ids(await searchAll({ sort: 'newest' })),
      );
      expect(ids(await searchAll({ q: '  *** ', sort: 'relevance' }))).toEqual(
        ids(await searchAll({ sort: 'newest' })),
      );
    });

    const PAGED: ProductSearchQuery[] = [
      ...SORTS.map((sort) => ({ sort })),
      { sort: 'relevance' },
      { q: 'in', sort: 'relevance' },
      { q: 'merino', sort: 'relevance' },
      { q: 'outerwear waterproof', inStock: true },
      { q: 'canvas', sort: 'relevance' },
      { color: ['black', 'red'], sort: 'price_desc' },
    ];
    it.each(PAGED.map((query) => [JSON.stringify(query), query] as const))(
      'pages %s stably: pages concatenated are the full ordered list',
      async (_name, query) => {
        const full = await searchAll(query);
        expect(full.total).toBeGreaterThan(0);
        const pages: string[] = [];
        for (let offset = 0; offset < full.total + 7; offset += 7) {
          const page = await model.searchProducts({ ...query, limit: 7, offset });
          expect(page.total).toBe(full.total);
          expect(page.offset).toBe(offset);
          expect(page.limit).toBe(7);
          expect(page.items.length).toBe(Math.max(0, Math.min(7, full.total - offset)));
          pages.push(...ids(page));
        }
        expect(pages).toEqual(ids(full));
        expect(new Set(pages).size).toBe(pages.length);
      },
    );

    it('returns no items past the end but still the total', async () => {
      const past = await model.searchProducts({ offset: 500 });
      expect(past.items).toEqual([]);
      expect(past.total).toBe(products.length);
      const last = await model.searchProducts({
        limit: 1,
        offset: products.length - 1,
        sort: 'price_asc',
      });
      expect(ids(last)).toEqual([[...products].sort(referenceOrder('price_asc')).at(-1)!.id]);
    });

    it.each(HOSTILE_QUERIES.map((q) => [JSON.stringify(q).slice(0, 60), q] as const))(
      'never throws on hostile q %s and means only its letters and digits',
      async (_name, q) => {
        const result = await searchAll({ q });
        const expected = referenceSearch(products, { q });
        expect(sorted(ids(result))).toEqual(sorted(expected.ids));
        expect(result.total).toBe(expected.total);
        expect(result.facets).toEqual(expected.facets);
        for (const item of result.items) expect(item).toEqual(byId.get(item.id));
      },
    );

    it('treats query syntax as plain words', async () => {
      const same = async (a: string, b: string) =>
        expect(sorted(ids(await searchAll({ q: a }))), a).toEqual(
          sorted(ids(await searchAll({ q: b }))),
        );
      await same('"merino"', 'merino');
      await same('(merino)', 'merino');
      await same('merino^', 'merino');
      await same('-merino', 'merino');
      await same('merino*', 'merino');
      await same('mérino', 'merino');
      expect((await searchAll({ q: 'merino' })).total).toBeGreaterThan(0);
      expect((await searchAll({ q: 'merino OR scarf' })).total).toBe(0);
      expect((await searchAll({ q: 'title:merino' })).total).toBe(0);
      expect((await searchAll({ q: '🔥 *** ((' })).total).toBe(products.length);
      expect((await model.searchProducts({})).total).toBe(products.length);
    });
  });
}
