import type { Collection, Product } from '@commerce/contracts/inventory';

/** What an upsert did, decided by comparing content hashes. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export type ProductUpsertResult =
  | { id: string; outcome: UpsertOutcome }
  /** E.g. its handle or one of its SKUs belongs to another product. Nothing of it was written. */
  | { id: string; outcome: 'rejected'; reason: string };

export interface CatalogCounts {
  products: number;
  variants: number;
  collections: number;
}

/**
 * Products (with their variants' SKUs) and collections: the catalog's write model. Upserts are
 * idempotent: writing the same content again reports `unchanged` and writes nothing.
 */
export interface CatalogRepository {
  /** One result per product, in input order; a rejected product does not stop the others. */
  upsertProducts(products: readonly Product[], now: string): Promise<ProductUpsertResult[]>;
  upsertCollections(collections: readonly Collection[], now: string): Promise<UpsertOutcome[]>;
  getProduct(id: string): Promise<Product | null>;
  /** The distinct products that have a variant with one of these SKUs. */
  findProductsBySkus(skus: readonly string[]): Promise<Product[]>;
  /** Variant SKUs in SKU order, a page at a time. */
  listSkus(page: { afterSku?: string; limit: number }): Promise<string[]>;
  /** Handles of the collections that exist among these. */
  existingCollections(handles: readonly string[]): Promise<string[]>;
  listCollections(): Promise<Collection[]>;
  counts(): Promise<CatalogCounts>;
}
