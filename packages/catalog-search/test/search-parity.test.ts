import type { ProductSearchQuery, ProductSearchResult } from '@commerce/contracts/inventory';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createElasticsearchCatalogReadModel,
  dropCatalogReadModelIndices,
  installCatalogReadModelIndices,
} from '../src/elasticsearch/index.js';
import type { CatalogReadModel } from '../src/ports.js';
import { createSqliteCatalogReadModel, migrateCatalogReadModel } from '../src/sqlite/index.js';
import {
  buildFixtureCollections,
  buildFixtureProducts,
  fixtureProduct,
} from '../src/testing/fixture-catalog.js';

// The same generated catalog in both adapters, the same queries, the same answers: totals, every
// facet bucket, and the order of items for every sort but relevance. Relevance scores are each
// engine's own (FTS5 bm25 vs Lucene BM25 with the same field weights), so for relevance the test
// compares the complete set of matches (all pages), the facets and the total, and the top hit
// only where the catalog makes it unambiguous (one product with the word in its title, the others
// only in lower-weighted fields).

const stores = testStores();

const LANTERNS = [
  fixtureProduct({
    id: 'prod-9001',
    title: 'Storm Lantern',
    description: 'Brass and glass.',
    collections: ['accessories'],
    createdAt: '2023-01-01T00:00:00.000Z',
    variants: [{ color: 'black', size: 'One Size', price: 4_500, available: 3 }],
  }),
  fixtureProduct({
    id: 'prod-9002',
    title: 'Camp Stool',
    description: 'Folds flat and pairs with a lantern.',
    collections: ['accessories'],
    createdAt: '2023-06-01T00:00:00.000Z',
    variants: [{ color: 'green', size: 'One Size', price: 3_500, available: 0 }],
  }),
  fixtureProduct({
    id: 'prod-9003',
    title: 'Tent Pegs',
    description: 'Aluminium, set of eight.',
    tags: ['lantern', 'camping'],
    collections: ['accessories'],
    createdAt: '2023-03-01T00:00:00.000Z',
    variants: [{ color: 'grey', size: 'One Size', price: 1_200, available: 9 }],
  }),
];
const PRODUCTS = [...buildFixtureProducts(600), ...LANTERNS];

interface ParityCase {
  query: ProductSearchQuery;
  /** For relevance: the id both engines must rank first. */
  top?: string;
}

const CASES: ParityCase[] = [
  { query: {} },
  { query: { sort: 'price_asc' } },
  { query: { sort: 'price_desc', limit: 100 } },
  { query: { sort: 'title_asc', limit: 100, offset: 500 } },
  { query: { sort: 'newest', offset: 96 } },
  { query: { sort: 'relevance', limit: 50 } },
  { query: { collection: ['outerwear'] } },
  { query: { collection: ['outerwear', 'bags', 'sale'], sort: 'price_asc', limit: 100 } },
  { query: { color: ['red'] } },
  { query: { color: ['navy', 'grey'], size: ['M', 'L'], sort: 'title_asc' } },
  { query: { size: ['One Size'] } },
  { query: { size: ['40', '44'], sort: 'price_desc', offset: 24 } },
  { query: { supplierType: ['manual'] } },
  { query: { supplierType: ['simulated', 'dropship-api'], inStock: false } },
  { query: { inStock: true, sort: 'price_asc', offset: 100, limit: 100 } },
  { query: { inStock: false } },
  { query: { minPrice: 2_500 } },
  { query: { maxPrice: 2_499, sort: 'title_asc' } },
  { query: { minPrice: 5_000, maxPrice: 9_999, sort: 'title_asc' } },
  { query: { minPrice: 25_000, maxPrice: 25_000 } },
  { query: { minPrice: 10_000, maxPrice: 9_999 } },
  { query: { color: ['black'], sort: 'price_asc', limit: 50, offset: 150 } },
  { query: { offset: 10_000, limit: 100 } },
  {
    query: {
      collection: ['tees', 'new-arrivals'],
      color: ['red', 'blue'],
      size: ['S', 'M'],
      supplierType: ['simulated'],
      minPrice: 1_000,
      maxPrice: 30_000,
      inStock: true,
      sort: 'newest',
    },
  },
  { query: { q: 'merino' } },
  { query: { q: 'merino', sort: 'price_asc', limit: 100 } },
  { query: { q: 'hoo', sort: 'newest' } },
  { query: { q: 'waterproof parka', inStock: true } },
  { query: { q: 'canvas', collection: ['bags', 'accessories'], sort: 'title_asc' } },
  { query: { q: 'alpine jacket', color: ['black', 'white'], sort: 'price_desc' } },
  { query: { q: 'trails', supplierType: ['manual'], minPrice: 5_000 } },
  { query: { q: 'fjord' } },
  { query: { q: 'sale', size: ['XL'] } },
  { query: { q: 'new arr', sort: 'title_asc' } },
  { query: { q: 'MÉRINO Wool', sort: 'title_asc' } },
  { query: { q: 'in', limit: 100, offset: 200 } },
  { query: { q: 'zzz' } },
  { query: { q: 'lantern' }, top: 'prod-9001' },
  { query: { q: 'lant' }, top: 'prod-9001' },
  { query: { q: 'lantern', inStock: false }, top: 'prod-9002' },
];

const ids = (result: ProductSearchResult): string[] => result.items.map((p) => p.id);

/** Every match of a query, in the engine's order (pages of 100). */
async function allMatches(model: CatalogReadModel, query: ProductSearchQuery): Promise<string[]> {
  const matches: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await model.searchProducts({ ...query, limit: 100, offset });
    matches.push(...ids(page));
    if (offset + 100 >= page.total) return matches;
  }
}

describe.skipIf('skipReason' in stores)(
  'SQLite and Elasticsearch agree on the generated catalog',
  () => {
    let client: Client;
    let db: SqliteDatabase;
    let prefix: string;
    let sqlite: CatalogReadModel;
    let elasticsearch: CatalogReadModel;

    beforeAll(async () => {
      client = createElasticsearchClient({ node: requireTestStores().elasticsearchUrl });
      prefix = `${uniqueStoreName('parity')}_`;
      await installCatalogReadModelIndices(client, { prefix });
      elasticsearch = createElasticsearchCatalogReadModel({ client, indexPrefix: prefix });
      db = openDatabase({ filename: ':memory:' });
      migrateCatalogReadModel(db);
      sqlite = createSqliteCatalogReadModel({ db });
      for (const model of [sqlite, elasticsearch]) {
        await model.upsertCollections(buildFixtureCollections());
        for (let i = 0; i < PRODUCTS.length; i += 250)
          await model.upsertProducts(PRODUCTS.slice(i, i + 250));
        await model.refresh();
      }
    });
    afterAll(async () => {
      db.close();
      await dropCatalogReadModelIndices(client, { prefix });
      await client.close();
    });

    it('has at least 30 query combinations, most of them selective', () => {
      expect(CASES.length).toBeGreaterThanOrEqual(30);
    });

    it.each(CASES.map((c) => [JSON.stringify(c.query), c] as const))(
      'answers %s identically',
      async (_name, { query, top }) => {
        const [a, b] = await Promise.all([
          sqlite.searchProducts(query),
          elasticsearch.searchProducts(query),
        ]);
        expect(b.total).toBe(a.total);
        expect(b.facets).toEqual(a.facets);
        expect([b.limit, b.offset]).toEqual([a.limit, a.offset]);
        expect(b.items.length).toBe(a.items.length);
        const relevance = query.q !== undefined && (query.sort ?? 'relevance') === 'relevance';
        if (!relevance) {
          expect(ids(b)).toEqual(ids(a));
          expect(b.items).toEqual(a.items);
        } else {
          const [all, allEs] = await Promise.all([
            allMatches(sqlite, query),
            allMatches(elasticsearch, query),
          ]);
          expect(new Set(allEs)).toEqual(new Set(all));
          expect(allEs).toHaveLength(a.total);
          if (top !== undefined) {
            expect(ids(a)[0]).toBe(top);
            expect(ids(b)[0]).toBe(top);
          }
        }
      },
    );

    it('agrees on collections and their product counts', async () => {
      expect(await elasticsearch.listCollections()).toEqual(await sqlite.listCollections());
      for (const handle of ['outerwear', 'gift-cards', 'no-such-collection'])
        expect(await elasticsearch.getCollection(handle)).toEqual(
          await sqlite.getCollection(handle),
        );
    });
  },
);
