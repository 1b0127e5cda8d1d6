import type {
  SupplierOrderSearchDocument,
  SupplierOrderSearchQuery,
  SupplierOrderSearchResult,
} from '@commerce/contracts/fulfillment';

export interface SupplierOrderSearchWriter {
  /**
   * Upserts documents by supplierOrderId. Version-guarded: a document whose `version` is not
   * newer than the stored one is ignored (retries and out-of-order writes are harmless).
   */
  upsert(documents: readonly SupplierOrderSearchDocument[]): Promise<void>;
  /** Makes every write so far visible to searches (Elasticsearch refreshes; SQLite: nothing to do). */
  refresh(): Promise<void>;
}

export interface SupplierOrderSearchReader {
  /** Filters by supplier, statuses, strategy and order; newest change first (ties by supplierOrderId). */
  search(query: SupplierOrderSearchQuery): Promise<SupplierOrderSearchResult>;
  get(supplierOrderId: string): Promise<SupplierOrderSearchDocument | null>;
}

/**
 * The `supplier_orders` search projection. Adapters: SQLite (table
 * `fulfillment_supplier_order_search`, embedded profile) and Elasticsearch (index
 * `supplier_orders`, core features only).
 */
export interface SupplierOrderSearch extends SupplierOrderSearchWriter, SupplierOrderSearchReader {}
