import type { OrderSearchDocument, OrderSearchResult } from '@commerce/contracts/oms';
import type { estypes } from '@elastic/elasticsearch';
import {
  MAX_FACET_VALUES,
  ORDER_FACETS,
  type NormalizedOrderSearchQuery,
  type OrderFacet,
} from '../normalize-order-search-query.js';
import type { OrderIndexDocument } from './order-index-document.js';

// One order search as ONE Elasticsearch request, and its answer read back. Caller input only ever
// travels as term / prefix / terms / range values: no query string syntax reaches Elasticsearch.

type Query = estypes.QueryDslQueryContainer;
type Aggregation = estypes.AggregationsAggregationContainer;

const FACET_FIELDS: Record<OrderFacet, keyof OrderIndexDocument> = { status: 'status', supplier: 'suppliers' };

/** Every term required as a whole term, the last one as a prefix. */
function textClauses(terms: readonly string[]): Query[] {
  return terms.map((value, i): Query => (i === terms.length - 1 ? { prefix: { terms: { value } } } : { term: { terms: { value } } }));
}

/** The text and every filter except `except` (disjunctive facets). */
function filterClauses(query: NormalizedOrderSearchQuery, except?: OrderFacet): Query[] {
  const clauses = textClauses(query.terms);
  if (query.status !== undefined && except !== 'status') clauses.push({ terms: { status: [...query.status] } });
  if (query.supplier !== undefined && except !== 'supplier') clauses.push({ term: { suppliers: query.supplier } });
  if (query.customerId !== undefined) clauses.push({ term: { customerId: query.customerId } });
  if (query.placedFrom !== undefined || query.placedTo !== undefined) {
    clauses.push({
      range: {
        placedAt: {
          ...(query.placedFrom !== undefined && { gte: query.placedFrom }),
          ...(query.placedTo !== undefined && { lte: query.placedTo }),
        },
      },
    });
  }
  return clauses;
}

const filtersOn = (query: NormalizedOrderSearchQuery, facet: OrderFacet): boolean =>
  facet === 'status' ? query.status !== undefined : query.supplier !== undefined;

const facetAggregation = (facet: OrderFacet): Aggregation => ({
  terms: { field: FACET_FIELDS[facet], size: MAX_FACET_VALUES, order: [{ _count: 'desc' }, { _key: 'asc' }] },
});

/** Name of the `global` aggregation holding the facets counted with their own filter left out. */
const DISJUNCTIVE = 'disjunctive';

const SORTS: Record<NormalizedOrderSearchQuery['sort'], estypes.SortCombinations[]> = {
  placed_desc: [{ placedAt: { order: 'desc' } }, { orderId: { order: 'asc' } }],
  placed_asc: [{ placedAt: { order: 'asc' } }, { orderId: { order: 'asc' } }],
  total_desc: [{ total: { order: 'desc' } }, { orderId: { order: 'asc' } }],
  total_asc: [{ total: { order: 'asc' } }, { orderId: { order: 'asc' } }],
};

/**
 * The request of a normalised query: every clause in filter context (no scoring: the sorts are
 * field sorts), exact `track_total_hits`. A facet the query does not filter on is counted over the
 * matches; one it does filter on inside a `global` aggregation under a `filter` of the text and
 * every OTHER filter. One shard (orders.json), so counts are exact.
 */
export function orderSearchRequest(index: string, query: NormalizedOrderSearchQuery): estypes.SearchRequest {
  const aggregations: Record<string, Aggregation> = {};
  const disjunctive: Record<string, Aggregation> = {};
  for (const facet of ORDER_FACETS) {
    if (!filtersOn(query, facet)) {
      aggregations[facet] = facetAggregation(facet);
    } else {
      disjunctive[facet] = { filter: { bool: { filter: filterClauses(query, facet) } }, aggs: { values: facetAggregation(facet) } };
    }
  }
  if (Object.keys(disjunctive).length > 0) aggregations[DISJUNCTIVE] = { global: {}, aggs: disjunctive };
  return {
    index,
    query: { bool: { filter: filterClauses(query) } },
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

/** Reads hits, total and facets of the answer to orderSearchRequest(query). */
export function orderSearchResult(response: estypes.SearchResponse<Pick<OrderIndexDocument, 'doc'>>): OrderSearchResult {
  const aggregations = response.aggregations ?? {};
  const global = aggregations[DISJUNCTIVE] as Record<string, unknown> | undefined;
  const facet = (name: OrderFacet) => {
    const own = aggregations[name] as { buckets: TermsBucket[] } | undefined;
    const nested = global?.[name] as { values?: { buckets: TermsBucket[] } } | undefined;
    const aggregate = own ?? nested?.values;
    if (aggregate === undefined) throw new Error(`search answer lacks the ${name} facet`);
    return aggregate.buckets.map((b) => ({ value: b.key_as_string ?? String(b.key), count: b.doc_count }));
  };
  const total = response.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    items: response.hits.hits.map((hit): OrderSearchDocument => {
      if (hit._source === undefined) throw new Error(`search hit ${hit._id ?? ''} has no source`);
      return hit._source.doc;
    }),
    facets: { status: facet('status'), supplier: facet('supplier') },
  };
}
