import type { OrderSearchQuery, OrderSort, OrderStatus } from '@commerce/contracts/oms';
import { queryTerms } from './search-terms.js';

export const DEFAULT_ORDER_SEARCH_LIMIT = 20;
export const MAX_ORDER_SEARCH_LIMIT = 100;
export const MAX_ORDER_SEARCH_OFFSET = 10_000;
/** At most this many buckets per facet. */
export const MAX_FACET_VALUES = 100;

/** The facets of a result; each is counted with its own filter left out (disjunctive). */
export const ORDER_FACETS = ['status', 'supplier'] as const;
export type OrderFacet = (typeof ORDER_FACETS)[number];

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'processing',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'returned',
];

const SORTS: ReadonlySet<string> = new Set<OrderSort>(['placed_desc', 'placed_asc', 'total_desc', 'total_asc']);

/** A query with its defaults applied and its text folded into terms: what an adapter executes. */
export interface NormalizedOrderSearchQuery {
  /** Folded query words (queryTerms); the last one matches as a prefix. Empty: no text condition. */
  terms: string[];
  /** Distinct statuses; absent when the query has none (an empty list is no filter). */
  status?: OrderStatus[];
  supplier?: string;
  customerId?: string;
  /** Normalised with Date#toISOString (inclusive). */
  placedFrom?: string;
  placedTo?: string;
  sort: OrderSort;
  limit: number;
  offset: number;
}

/**
 * Applies the defaults (placed_desc, limit 20, offset 0) and checks what an adapter cannot
 * execute, throwing a RangeError naming the field (the gateway validates the same bounds with the
 * schema first). Free text is never an error.
 */
export function normalizeOrderSearchQuery(query: OrderSearchQuery): NormalizedOrderSearchQuery {
  const limit = query.limit ?? DEFAULT_ORDER_SEARCH_LIMIT;
  const offset = query.offset ?? 0;
  checkInteger('limit', limit, 1, MAX_ORDER_SEARCH_LIMIT);
  checkInteger('offset', offset, 0, MAX_ORDER_SEARCH_OFFSET);
  const sort = query.sort ?? 'placed_desc';
  if (!SORTS.has(sort)) throw new RangeError(`sort must be one of ${[...SORTS].join(', ')}`);
  const status = query.status === undefined ? [] : [...new Set(query.status)];
  for (const s of status) {
    if (!ORDER_STATUSES.includes(s)) throw new RangeError(`status must be any of ${ORDER_STATUSES.join(', ')}, got ${JSON.stringify(s)}`);
  }
  const terms = queryTerms(query.q ?? '');
  return {
    terms,
    ...(status.length > 0 && { status }),
    ...(query.supplier !== undefined && query.supplier !== '' && { supplier: query.supplier }),
    ...(query.customerId !== undefined && query.customerId !== '' && { customerId: query.customerId }),
    ...(query.placedFrom !== undefined && { placedFrom: instant('placedFrom', query.placedFrom) }),
    ...(query.placedTo !== undefined && { placedTo: instant('placedTo', query.placedTo) }),
    sort,
    limit,
    offset,
  };
}

function instant(field: string, value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${field} must be an ISO 8601 timestamp, got ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer between ${min} and ${max}, got ${String(value)}`);
  }
}
