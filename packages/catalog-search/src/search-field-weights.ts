/**
 * How much a match in each searchable field counts towards relevance: title weighs most. Every
 * adapter ranks with these weights (SQLite as bm25 column weights, in this key order; Elasticsearch
 * as query boosts), so `relevance` means the same thing whichever engine serves it.
 */
export const SEARCH_FIELD_WEIGHTS = {
  title: 10,
  description: 1,
  vendor: 3,
  tags: 4,
  colors: 2,
  collections: 2,
} as const;

/** The fields the full-text query searches (see CatalogReadModelReader.searchProducts). */
export type SearchField = keyof typeof SEARCH_FIELD_WEIGHTS;
