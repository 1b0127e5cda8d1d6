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
  /** Insert or fully replace product documents (keyed by id). */
  upsertProducts(products: readonly ProductView[]): Promise<void>;
  /** Insert or replace collections (keyed by handle). Product counts are derived at read time. */
  upsertCollections(collections: readonly Collection[]): Promise<void>;
  /** Insert or replace projected stock levels (keyed by SKU). */
  upsertStockLevels(levels: readonly StockLevelView[]): Promise<void>;
  /** Make every write so far visible to readers (no-op where writes are immediately visible). */
  refresh(): Promise<void>;
}

export interface CatalogReadModelReader {
  searchProducts(query: ProductSearchQuery): Promise<ProductSearchResult>;
  /** By product id or by handle. */
  getProduct(idOrHandle: string): Promise<ProductView | null>;
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
