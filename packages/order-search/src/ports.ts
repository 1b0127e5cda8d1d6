import type {
  OrderSearchDocument,
  OrderSearchQuery,
  OrderSearchResult,
} from '@commerce/contracts/oms';

/** What one upsertOrders call did. */
export interface UpsertOrdersResult {
  /** Documents stored (new orders, or a newer version of a stored one). */
  written: number;
  /**
   * Documents ignored because the store (or the same batch) already held that order at the same
   * or a newer `version`: replays and out-of-order flushes change nothing.
   */
  ignored: number;
}

/**
 * The write half of the `orders` search projection. OMS's projectOrder activity calls it with the
 * OrderSearchDocument of each order it flushes.
 */
export interface OrderSearchWriter {
  /**
   * Insert or replace documents keyed by orderId, guarded by `version`: a document is stored only
   * when its version is greater than the stored one (idempotent; an older or equal version is
   * ignored). Within one batch the highest version of an order wins. Every document of the batch
   * is checked first (checkOrderSearchDocument): an unusable one rejects the call with a TypeError
   * naming it, and nothing is written. Once the promise resolves, searches see the writes
   * (read-your-writes: SQLite commits, Elasticsearch writes with a refresh policy).
   */
  upsertOrders(docs: readonly OrderSearchDocument[]): Promise<UpsertOrdersResult>;
}

/**
 * The read half (the gateway's `GET /v1/admin/orders`). Search semantics, kept exactly by every
 * adapter (the contract suite in test/contract pins them; normalizeOrderSearchQuery applies the
 * defaults and bounds, searchTerms splits and folds the text):
 * - `q`: split into words — runs of Unicode letters/digits joined by single `-` `.` `_` `@`
 *   (`TEE-0001-BLK-M`, `jane.doe@example.com`); everything else only separates words, so engine
 *   syntax never reaches an engine. Case and diacritics are folded. Every word must match (AND)
 *   one of the order's index terms (see indexTerms): the words, word tails and parts of its id,
 *   confirmation number, customer name, customer email and SKUs; the last word also matches as a
 *   prefix (`TEE-00` finds `TEE-0001-BLK-M`, `jan` finds `Jane`, `example.com` finds any address
 *   at that domain). No words: as if `q` were absent.
 * - filters: `status` is any of the listed statuses (an empty list is no filter); `supplier` the
 *   orders that have a supplier order with that supplier id; `customerId` exact; `placedFrom` /
 *   `placedTo` inclusive bounds on placedAt (compared as instants). Filters are ANDed.
 * - facets are disjunctive: `status` is counted over the orders matching `q` and every filter
 *   but `status`; `supplier` over every filter but `supplier` (an order counts once per supplier
 *   it has). Buckets with count > 0, count desc then value asc (code point), at most
 *   MAX_FACET_VALUES.
 * - sort: placed_desc (default) / placed_asc (placedAt), total_desc / total_asc (total.amount,
 *   currency ignored); ties always broken by orderId ascending, so pages are stable. limit 20 and
 *   offset 0 by default; `total` counts every match. Paging outside the schema bounds rejects
 *   with a RangeError; free text never does.
 */
export interface OrderSearchReader {
  searchOrders(query: OrderSearchQuery): Promise<OrderSearchResult>;
  /** The stored document of an order, or null. */
  getOrder(orderId: string): Promise<OrderSearchDocument | null>;
  /** Cheap reachability check for /readyz (Elasticsearch: the index exists). */
  ping(): Promise<void>;
}

export type OrderSearch = OrderSearchWriter & OrderSearchReader;
