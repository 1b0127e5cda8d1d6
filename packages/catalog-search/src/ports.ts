import type {
  Collection,
  CollectionView,
  ProductSearchQuery,
  ProductSearchResult,
  ProductView,
  StockLevelView,
} from '@commerce/contracts/inventory';

/**
 * The catalog read model, written by the inventory domain (import and projector) and read by the
 * gateway. Each method is one round trip; adapters: SQLite FTS5 (embedded profile) and
 * Elasticsearch (production profile). The same contract suite runs against every adapter.
 */
export interface CatalogReadModelWriter {
  /**
   * Insert or fully replace product documents (keyed by id; the last of a repeated id wins): a
   * replaced product keeps none of its previous handle, facet values or search terms.
   */
  upsertProducts(products: readonly ProductView[]): Promise<void>;
  /** Insert or replace collections (keyed by handle). Product counts are derived at read time. */
  upsertCollections(collections: readonly Collection[]): Promise<void>;
  /** Insert or replace projected stock levels (keyed by SKU). */
  upsertStockLevels(levels: readonly StockLevelView[]): Promise<void>;
  /** Make every write so far visible to readers (no-op where writes are immediately visible). */
  refresh(): Promise<void>;
}

export interface CatalogReadModelReader {
  /**
   * Search semantics, kept exactly by every adapter (the contract suite in test/contract pins them;
   * normalizeSearchQuery applies defaults and bounds, searchTokens splits the text):
   * - `q`: tokens are maximal runs of Unicode letters/digits; everything else is dropped. Every
   *   token must occur in the product (AND), each in any of title, description, vendor, tags,
   *   colors or collection handles; the last token also matches as a prefix (`hoo` finds
   *   `hoodie`). Case and diacritics are ignored; no stemming. No tokens: as if `q` were absent.
   * - filters: collection / color / size / supplierType match exact values, OR within a facet,
   *   AND across facets (an empty list is no filter); minPrice <= priceMin <= maxPrice, both
   *   inclusive and optional (minPrice > maxPrice matches nothing); inStock matches the flag.
   * - facets are disjunctive: each is counted over the products matching `q` and every filter
   *   but its own. List facets and inStock ('true' / 'false'): buckets with count > 0, count desc
   *   then value asc (code point), at most 100. price: every PRICE_BUCKETS bucket in order, zeros
   *   included, counted by priceMin (from inclusive, to exclusive).
   * - sort: relevance (text score, title weighted highest; newest when there is no `q`),
   *   price_asc / price_desc (priceMin), newest (createdAt desc), title_asc (titleSortKey); ties
   *   always broken by id ascending, so pages are stable. limit 24 and offset 0 by default;
   *   total counts every match. Paging outside the schema bounds rejects with a RangeError; free
   *   text never does.
   */
  searchProducts(query: ProductSearchQuery): Promise<ProductSearchResult>;
  /** By product id or by handle; an id match wins over another product's equal handle. */
  getProduct(idOrHandle: string): Promise<ProductView | null>;
  /** Upserted collections by titleSortKey (then handle); productCount counts current products. */
  listCollections(): Promise<CollectionView[]>;
  getCollection(handle: string): Promise<CollectionView | null>;
  getStockLevel(sku: string): Promise<StockLevelView | null>;
  /** Cheap reachability check used by /readyz. */
  ping(): Promise<void>;
}

export type CatalogReadModel = CatalogReadModelWriter & CatalogReadModelReader;

/** The price facet's fixed buckets, in minor units (upper bound exclusive). Shared by every adapter. */
export const PRICE_BUCKETS: readonly { key: string; from?: number; to?: number }[] = [
  { key: 'under-25', to: 2_500 },
  { key: '25-50', from: 2_500, to: 5_000 },
  { key: '50-100', from: 5_000, to: 10_000 },
  { key: '100-250', from: 10_000, to: 25_000 },
  { key: '250-plus', from: 25_000 },
];
