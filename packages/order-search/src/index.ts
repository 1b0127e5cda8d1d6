export type { OrderSearch, OrderSearchReader, OrderSearchWriter, UpsertOrdersResult } from './ports.js';
export {
  normalizeOrderSearchQuery,
  DEFAULT_ORDER_SEARCH_LIMIT,
  MAX_FACET_VALUES,
  MAX_ORDER_SEARCH_LIMIT,
  MAX_ORDER_SEARCH_OFFSET,
  ORDER_FACETS,
  ORDER_STATUSES,
  type NormalizedOrderSearchQuery,
  type OrderFacet,
} from './normalize-order-search-query.js';
export { checkOrderSearchDocument, type OrderDocumentFields } from './order-document.js';
export { foldSearchTerm, indexTerms, queryTerms, searchWords, MAX_TERM_LENGTH, WORD_CONNECTORS } from './search-terms.js';
