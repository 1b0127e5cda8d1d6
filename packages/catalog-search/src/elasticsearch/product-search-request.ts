import type {
  FacetBucket,
  PriceBucket,
  ProductSearchResult,
  ProductView,
} from '@commerce/contracts/inventory';
import type { estypes } from '@elastic/elasticsearch';
import {
  LIST_FACETS,
  MAX_FACET_VALUES,
  type ListFacet,
  type NormalizedSearchQuery,
  type SearchFacet,
} from '../normalize-search-query.js';
import { PRICE_BUCKETS } from '../ports.js';
import { SEARCH_FIELD_WEIGHTS } from '../search-field-weights.js';
import type { ProductDocument } from './product-document.js';
import { foldSearchToken } from './search-terms.js';

// One catalog search as ONE Elasticsearch request (see productSearchRequest), and its answer read
// back into a ProductSearchResult. Shopper input only ever travels as term/prefix/terms/range
// values: no query string syntax is parsed by Elasticsearch.

type Query = estypes.QueryDslQueryContainer;
type Aggregation = estypes.AggregationsAggregationContainer;

/** The keyword field each list facet filters and counts on. */
const LIST_FACET_FIELDS: Record<ListFacet, keyof ProductDocument> = {
  collection: 'collections',
  color: 'colors',
  size: 'sizes',
  supplierType: 'supplierType',
};

const WEIGHTED_FIELDS = Object.entries(SEARCH_FIELD_WEIGHTS).map(
  ([field, weight]) => [`search.${field}`, weight] as const,
);

/**
 * One clause per token, all required: the folded token as a whole term in any search field, the
 * last one also as a prefix. Matches are scored BM25 per field times the field's weight (prefix
 * matches score their weight as a constant), summed over fields and tokens.
 */
function textClauses(tokens: readonly string[]): Query[] {
  const folded = tokens.map(foldSearchToken);
  const last = folded.at(-1);
  if (last === undefined) return [];
  // A repeated whole-word token adds nothing to the match (AND is idempotent): keep one of each.
  const whole = [...new Set(folded.slice(0, -1))];
  const should = (token: string, prefix: boolean): Query => ({
    bool: {
      should: WEIGHTED_FIELDS.flatMap(([field, boost]): Query[] => [
        { term: { [field]: { value: token, boost } } },
        ...(prefix ? [{ prefix: { [field]: { value: token, boost } } }] : []),
      ]),
      minimum_should_match: 1,
    },
  });
  return [...whole.map((token) => should(token, false)), should(last, true)];
}

/** The filter clauses of every filter of the query except `except` (disjunctive facets). */
function filterClauses(query: NormalizedSearchQuery, except?: SearchFacet): Query[] {
  const clauses: Query[] = [];
  for (const facet of LIST_FACETS) {
    const values = query.filters[facet];
    if (values !== undefined && facet !== except)
      clauses.push({ terms: { [LIST_FACET_FIELDS[facet]]: [...values] } });
  }
  if (except !== 'price' && (query.minPrice !== undefined || query.maxPrice !== undefined)) {
    clauses.push(
      query.minPrice !== undefined &&
        query.maxPrice !== undefined &&
        query.minPrice > query.maxPrice
        ? { match_none: {} }
        : {
            range: {
              priceMin: {
                ...(query.minPrice !== undefined && { gte: query.minPrice }),
                ...(query.maxPrice !== undefined && { lte: query.maxPrice }),
              },
            },
          },
    );
  }
  if (except !== 'inStock' && query.inStock !== undefined)
    clauses.push({ term: { inStock: query.inStock } });
  return clauses;
}

/** Whether the query filters on `facet` (then its counts must leave that filter out). */
function filtersOn(query: NormalizedSearchQuery, facet: SearchFacet): boolean {
  if (facet === 'price') return query.minPrice !== undefined || query.maxPrice !== undefined;
  if (facet === 'inStock') return query.inStock !== undefined;
  return query.filters[facet] !== undefined;
}

const byCountThenValue: estypes.AggregationsAggregateOrder = [{ _count: 'desc' }, { _key: 'asc' }];

/** The bucket aggregation of each facet (keyword order is byte order: code point order). */
const FACET_AGGREGATIONS: Record<SearchFacet, Aggregation> = {
  ...(Object.fromEntries(
    LIST_FACETS.map((facet) => [
      facet,
      {
        terms: { field: LIST_FACET_FIELDS[facet], size: MAX_FACET_VALUES, order: byCountThenValue },
      },
    ]),
  ) as Record<ListFacet, Aggregation>),
  price: {
    range: {
      field: 'priceMin',
      keyed: false,
      ranges: PRICE_BUCKETS.map((b) => ({
        key: b.key,
        ...(b.from !== undefined && { from: b.from }),
        ...(b.to !== undefined && { to: b.to }),
      })),
    },
  },
  inStock: { terms: { field: 'inStock', size: 2, order: byCountThenValue } },
};

const FACETS: readonly SearchFacet[] = [...LIST_FACETS, 'price', 'inStock'];

/** Name of the `global` aggregation holding the facets counted with their own filter left out. */
const DISJUNCTIVE = 'disjunctive';

const SORTS: Record<NormalizedSearchQuery['sort'], estypes.SortCombinations[]> = {
  relevance: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
  price_asc: [{ priceMin: { order: 'asc' } }, { id: { order: 'asc' } }],
  price_desc: [{ priceMin: { order: 'desc' } }, { id: { order: 'asc' } }],
  newest: [{ createdAt: { order: 'desc' } }, { id: { order: 'asc' } }],
  title_asc: [{ titleSortKey: { order: 'asc' } }, { id: { order: 'asc' } }],
};

/**
 * The search request of a normalised query, against `index`:
 * - `query`: the text clauses (scored) and every filter (filter context), so hits and
 *   `track_total_hits` are exactly the matches; no `post_filter`.
 * - facets: a facet the query does not filter on is counted over the matches themselves (its
 *   "every filter but its own" is every filter). A facet the query does filter on is counted
 *   inside one `global` aggregation, under a `filter` aggregation of the text clauses and every
 *   OTHER filter. List facets are `terms` (count desc, key asc, at most 100), price a `range`
 *   over PRICE_BUCKETS (from inclusive, to exclusive, zeros kept), inStock `terms` on the flag.
 * - sort: the query's order, then `id` ascending; `from`/`size` page.
 */
export function productSearchRequest(
  index: string,
  query: NormalizedSearchQuery,
): estypes.SearchRequest {
  const text = textClauses(query.tokens);
  const aggregations: Record<string, Aggregation> = {};
  const disjunctive: Record<string, Aggregation> = {};
  for (const facet of FACETS) {
    if (!filtersOn(query, facet)) {
      aggregations[facet] = FACET_AGGREGATIONS[facet];
      continue;
    }
    disjunctive[facet] = {
      filter: { bool: { filter: [...text, ...filterClauses(query, facet)] } },
      aggs: { values: FACET_AGGREGATIONS[facet] },
    };
  }
  if (Object.keys(disjunctive).length > 0)
    aggregations[DISJUNCTIVE] = { global: {}, aggs: disjunctive };

  return {
    index,
    query: { bool: { must: text, filter: filterClauses(query) } },
    sort: SORTS[query.sort],
    from: query.offset,
    size: query.limit,
    track_total_hits: true,
    _source: ['doc'],
    aggregations,
  };
}

interface TermsBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}
interface RangeBucket {
  key?: string;
  doc_count: number;
}
type BucketsAggregate<B> = { buckets: B[] };

/** Reads the hits, total and facets of the answer to productSearchRequest(query). */
export function productSearchResult(
  query: NormalizedSearchQuery,
  response: estypes.SearchResponse<Pick<ProductDocument, 'doc'>>,
): ProductSearchResult {
  const aggregations = response.aggregations ?? {};
  const global = aggregations[DISJUNCTIVE] as Record<string, unknown> | undefined;
  const facetAggregate = <B>(facet: SearchFacet): B[] => {
    const own = aggregations[facet] as BucketsAggregate<B> | undefined;
    const nested = global?.[facet] as { values?: BucketsAggregate<B> } | undefined;
    const aggregate = own ?? nested?.values;
    if (aggregate === undefined) throw new Error(`search answer lacks the ${facet} facet`);
    return aggregate.buckets;
  };
  const listFacet = (facet: ListFacet | 'inStock'): FacetBucket[] =>
    facetAggregate<TermsBucket>(facet).map((b) => ({
      value: b.key_as_string ?? String(b.key),
      count: b.doc_count,
    }));
  const rangeCounts = new Map(
    facetAggregate<RangeBucket>('price').map((b) => [b.key, b.doc_count] as const),
  );
  const price = PRICE_BUCKETS.map((bucket): PriceBucket => ({
    ...bucket,
    count: rangeCounts.get(bucket.key) ?? 0,
  }));

  const total = response.hits.total;
  return {
    items: response.hits.hits.map((hit): ProductView => {
      if (hit._source === undefined) throw new Error(`search hit ${hit._id ?? ''} has no source`);
      return hit._source.doc;
    }),
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    limit: query.limit,
    offset: query.offset,
    facets: {
      collection: listFacet('collection'),
      color: listFacet('color'),
      size: listFacet('size'),
      supplierType: listFacet('supplierType'),
      price,
      inStock: listFacet('inStock'),
    },
  };
}
