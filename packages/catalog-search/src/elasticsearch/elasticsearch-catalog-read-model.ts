import type { Collection, CollectionView, StockLevelView } from '@commerce/contracts/inventory';
import type { Client, estypes } from '@elastic/elasticsearch';
import { normalizeSearchQuery } from '../normalize-search-query.js';
import type { CatalogReadModel } from '../ports.js';
import { titleSortKey } from '../title-sort-key.js';
import { catalogIndexNames } from './catalog-indices.js';
import { toProductDocument, type ProductDocument } from './product-document.js';
import { productSearchRequest, productSearchResult } from './product-search-request.js';

export interface ElasticsearchCatalogReadModelDeps {
  /** From createElasticsearchClient (@commerce/elasticsearch-store). */
  client: Client;
  /** The prefix given to installCatalogReadModelIndices (tests); default none. */
  indexPrefix?: string;
}

/** Documents per bulk request, and handles / collections per lookup request. */
const BATCH = 1_000;

interface CollectionDocument {
  handle: string;
  titleSortKey: string;
  doc: Collection;
}
interface StockLevelDocument {
  sku: string;
  productId: string;
  lowStock: boolean;
  doc: StockLevelView;
}

const chunks = <T>(items: readonly T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** The last of each key wins, in first-seen order of the keys. */
const lastByKey = <T>(items: readonly T[], key: (item: T) => string): T[] => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

function requireKey(kind: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`${kind}: ${field} ${JSON.stringify(value)} is invalid`);
  return value;
}

/**
 * The catalog read model on Elasticsearch (production profile): indices `products`,
 * `collections` and `stock-levels` (infra/elasticsearch/indices, installed by
 * installCatalogReadModelIndices), core Elasticsearch features only.
 *
 * How the port's search semantics (CatalogReadModelReader.searchProducts) map to Elasticsearch:
 * product-document.ts derives, in TypeScript, the folded search terms (searchTokens + case and
 * diacritic folding, as core Elasticsearch has no asciifolding), the facet keywords and the sort
 * keys; product-search-request.ts turns a normalised query into one search request (term / prefix
 * clauses with field boosts, filters, disjunctive facets as filter aggregations, id tie-break).
 *
 * Writes are bulk requests without refresh: like the port says, they are visible to readers once
 * refresh() has resolved (Elasticsearch also refreshes on its own within a second). A batch is
 * checked as a whole before any request, so an unusable product, or a handle owned by another
 * product, rejects it with nothing written. The handle check reads the refreshed state and is not
 * atomic with the write (Elasticsearch has no unique constraint): two concurrent writers could
 * still give one handle to two products; getProduct then returns the lowest id.
 */
export function createElasticsearchCatalogReadModel(
  deps: ElasticsearchCatalogReadModelDeps,
): CatalogReadModel {
  const { client, indexPrefix = '' } = deps;
  const index = catalogIndexNames(indexPrefix);

  async function bulkIndex(target: string, documents: readonly { id: string; body: object }[]) {
    for (const chunk of chunks(documents)) {
      const response = await client.bulk({
        refresh: false,
        operations: chunk.flatMap(({ id, body }) => [{ index: { _index: target, _id: id } }, body]),
      });
      if (!response.errors) continue;
      const failures = response.items.flatMap((item) => {
        const error = item.index?.error;
        return error ? [`${item.index?._id ?? '?'}: ${error.type}: ${error.reason ?? ''}`] : [];
      });
      throw new Error(
        `Elasticsearch rejected ${failures.length} of ${chunk.length} documents for ${target}: ${failures.slice(0, 5).join('; ')}`,
      );
    }
  }

  /** Rejects a batch giving one handle to two products, or a handle held by a product outside it. */
  async function checkHandles(documents: readonly ProductDocument[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const { id, handle } of documents) {
      const owner = wanted.get(handle);
      if (owner !== undefined)
        throw new Error(`product ${id}: handle "${handle}" already belongs to product ${owner}`);
      wanted.set(handle, id);
    }
    const batchIds = documents.map((d) => d.id);
    for (const handles of chunks([...wanted.keys()])) {
      const response = await client.search<Pick<ProductDocument, 'id' | 'handle'>>({
        index: index.products,
        size: 1,
        query: {
          bool: {
            filter: [{ terms: { handle: handles } }],
            must_not: [{ ids: { values: batchIds } }],
          },
        },
        _source: ['id', 'handle'],
      });
      const taken = response.hits.hits[0]?._source;
      if (taken !== undefined) {
        throw new Error(
          `product ${wanted.get(taken.handle) ?? '?'}: handle "${taken.handle}" already belongs to product ${taken.id}`,
        );
      }
    }
  }

  async function productCounts(handles: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const chunk of chunks(handles)) {
      const response = await client.search({
        index: index.products,
        size: 0,
        aggregations: {
          counts: { terms: { field: 'collections', include: [...chunk], size: chunk.length } },
        },
      });
      const buckets = (
        response.aggregations?.counts as estypes.AggregationsStringTermsAggregate | undefined
      )?.buckets;
      for (const bucket of Array.isArray(buckets) ? buckets : [])
        counts.set(String(bucket.key), bucket.doc_count);
    }
    return counts;
  }

  /** Every collection document, by titleSortKey then handle (search_after pages). */
  async function allCollections(): Promise<Collection[]> {
    const collections: Collection[] = [];
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<Pick<CollectionDocument, 'doc'>>({
        index: index.collections,
        size: BATCH,
        sort: [{ titleSortKey: { order: 'asc' } }, { handle: { order: 'asc' } }],
        _source: ['doc'],
        ...(after !== undefined && { search_after: after }),
      });
      const hits = response.hits.hits;
      for (const hit of hits) if (hit._source) collections.push(hit._source.doc);
      if (hits.length < BATCH) return collections;
      after = hits.at(-1)?.sort;
    }
  }

  const view = (collection: Collection, productCount: number): CollectionView => ({
    handle: collection.handle,
    title: collection.title,
    description: collection.description,
    productCount,
  });

  return {
    async upsertProducts(products) {
      const documents = lastByKey(products, (p) => p.id).map(toProductDocument);
      if (documents.length === 0) return;
      await checkHandles(documents);
      await bulkIndex(
        index.products,
        documents.map((body) => ({ id: body.id, body })),
      );
    },

    async upsertCollections(collections) {
      const documents = lastByKey(collections, (c) => c.handle).map((c): CollectionDocument => {
        const handle = requireKey(`collection ${String(c.handle)}`, 'handle', c.handle);
        requireKey(`collection ${handle}`, 'title', c.title);
        const doc = { handle, title: c.title, description: c.description };
        return { handle, titleSortKey: titleSortKey(c.title), doc };
      });
      await bulkIndex(
        index.collections,
        documents.map((body) => ({ id: body.handle, body })),
      );
    },

    async upsertStockLevels(levels) {
      const documents = lastByKey(levels, (l) => l.sku).map((level): StockLevelDocument => {
        const sku = requireKey(`stock level ${String(level.sku)}`, 'sku', level.sku);
        const productId = requireKey(`stock level ${sku}`, 'productId', level.productId);
        return { sku, productId, lowStock: level.lowStock === true, doc: level };
      });
      await bulkIndex(
        index.stockLevels,
        documents.map((body) => ({ id: body.sku, body })),
      );
    },

    async refresh() {
      await client.indices.refresh({
        index: [index.products, index.collections, index.stockLevels],
      });
    },

    async searchProducts(query) {
      const normalized = normalizeSearchQuery(query);
      const response = await client.search<Pick<ProductDocument, 'doc'>>(
        productSearchRequest(index.products, normalized),
      );
      return productSearchResult(normalized, response);
    },

    async getProduct(idOrHandle) {
      if (idOrHandle === '') return null;
      const response = await client.search<Pick<ProductDocument, 'doc'>>({
        index: index.products,
        size: 10,
        query: {
          bool: {
            should: [{ term: { id: idOrHandle } }, { term: { handle: idOrHandle } }],
            minimum_should_match: 1,
          },
        },
        sort: [{ id: { order: 'asc' } }],
        _source: ['doc'],
      });
      const found = response.hits.hits.flatMap((hit) => (hit._source ? [hit._source.doc] : []));
      return found.find((p) => p.id === idOrHandle) ?? found[0] ?? null;
    },

    async listCollections() {
      const collections = await allCollections();
      const counts = await productCounts(collections.map((c) => c.handle));
      return collections.map((c) => view(c, counts.get(c.handle) ?? 0));
    },

    async getCollection(handle) {
      if (handle === '') return null;
      const [found, count] = await Promise.all([
        client.search<Pick<CollectionDocument, 'doc'>>({
          index: index.collections,
          size: 1,
          query: { ids: { values: [handle] } },
          _source: ['doc'],
        }),
        client.count({ index: index.products, query: { term: { collections: handle } } }),
      ]);
      const collection = found.hits.hits[0]?._source?.doc;
      return collection === undefined ? null : view(collection, count.count);
    },

    async getStockLevel(sku) {
      if (sku === '') return null;
      const response = await client.search<Pick<StockLevelDocument, 'doc'>>({
        index: index.stockLevels,
        size: 1,
        query: { ids: { values: [sku] } },
        _source: ['doc'],
      });
      return response.hits.hits[0]?._source?.doc ?? null;
    },

    async ping() {
      // Reachable, and the read model's indices exist (a missing one is index_not_found).
      await client.count(
        { index: [index.products, index.collections, index.stockLevels] },
        { maxRetries: 0 },
      );
    },
  };
}
