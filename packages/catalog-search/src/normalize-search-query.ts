import type { ProductSearchQuery, ProductSort } from '@commerce/contracts/inventory';
import { searchTokens } from './search-tokens.js';

export const DEFAULT_SEARCH_LIMIT = 24;
export const MAX_SEARCH_LIMIT = 100;
export const MAX_SEARCH_OFFSET = 10_000;
/** At most this many values are returned per list facet. */
export const MAX_FACET_VALUES = 100;

/** The multi-valued facets a query can filter on (OR within one, AND across them). */
export const LIST_FACETS = ['collection', 'color', 'size', 'supplierType'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

/** Every facet of a search result; a facet's own filter is left out when it is counted. */
export type SearchFacet = ListFacet | 'price' | 'inStock';

/**
 * A search query with its defaults applied and its text tokenised: what an adapter executes.
 * `sort` is never `relevance` without tokens (it falls back to `newest`).
 */
export interface NormalizedSearchQuery {
  /** Tokens from {@link searchTokens}; empty means no full-text condition. */
  tokens: string[];
  /** Only non-empty lists: an absent or empty list is no filter. */
  filters: Partial<Record<ListFacet, readonly string[]>>;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort: ProductSort;
  limit: number;
  offset: number;
}

/**
 * Applies the search defaults (limit 24, offset 0, sort relevance) and checks the paging and price
 * numbers, throwing a RangeError that names the offending field (the gateway validates the same
 * bounds with the schema first). Free text is never an error: see {@link searchTokens}.
 */
export function normalizeSearchQuery(query: ProductSearchQuery): NormalizedSearchQuery {
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = query.offset ?? 0;
  checkInteger('limit', limit, 1, MAX_SEARCH_LIMIT);
  checkInteger('offset', offset, 0, MAX_SEARCH_OFFSET);
  if (query.minPrice !== undefined)
    checkInteger('minPrice', query.minPrice, 0, Number.MAX_SAFE_INTEGER);
  if (query.maxPrice !== undefined)
    checkInteger('maxPrice', query.maxPrice, 0, Number.MAX_SAFE_INTEGER);
  const sort = query.sort ?? 'relevance';
  if (!SORTS.has(sort)) throw new RangeError(`sort must be one of ${[...SORTS].join(', ')}`);

  const tokens = searchTokens(query.q ?? '');
  const filters: NormalizedSearchQuery['filters'] = {};
  for (const facet of LIST_FACETS) {
    const values = query[facet];
    if (values && values.length > 0) filters[facet] = [...new Set<string>(values)];
  }
  return {
    tokens,
    filters,
    ...(query.minPrice !== undefined && { minPrice: query.minPrice }),
    ...(query.maxPrice !== undefined && { maxPrice: query.maxPrice }),
    ...(query.inStock !== undefined && { inStock: query.inStock }),
    sort: sort === 'relevance' && tokens.length === 0 ? 'newest' : sort,
    limit,
    offset,
  };
}

const SORTS: ReadonlySet<string> = new Set<ProductSort>([
  'relevance',
  'price_asc',
  'price_desc',
  'newest',
  'title_asc',
]);

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${field} must be an integer between ${min} and ${max}, got ${String(value)}`,
    );
  }
}
