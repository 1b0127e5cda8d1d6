export type { CatalogReadModel, CatalogReadModelReader, CatalogReadModelWriter } from './ports.js';
export { PRICE_BUCKETS } from './ports.js';
export { searchTokens } from './search-tokens.js';
export { titleSortKey } from './title-sort-key.js';
export {
  normalizeSearchQuery,
  DEFAULT_SEARCH_LIMIT,
  LIST_FACETS,
  MAX_FACET_VALUES,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
  type ListFacet,
  type NormalizedSearchQuery,
  type SearchFacet,
} from './normalize-search-query.js';
