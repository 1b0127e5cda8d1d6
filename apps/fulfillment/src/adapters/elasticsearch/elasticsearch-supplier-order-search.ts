import type { Client, estypes } from '@elastic/elasticsearch';
import type {
  SupplierOrderSearchDocument,
  SupplierOrderSearchQuery,
} from '@commerce/contracts/fulfillment';
import type { SupplierOrderSearch } from '../../ports/supplier-order-search.js';
import { supplierOrderIndexName } from './supplier-order-index.js';

export interface ElasticsearchSupplierOrderSearchDeps {
  /** From createElasticsearchClient (@commerce/elasticsearch-store). */
  client: Client;
  /** The prefix the index was installed under (tests); default none. */
  indexPrefix?: string;
}

const BATCH = 500;

function filtersOf(query: SupplierOrderSearchQuery): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (query.supplierId !== undefined) filters.push({ term: { supplierId: query.supplierId } });
  if (query.strategy !== undefined) filters.push({ term: { strategy: query.strategy } });
  if (query.orderId !== undefined) filters.push({ term: { orderId: query.orderId } });
  if (query.status !== undefined) filters.push({ terms: { status: query.status } });
  return filters;
}

/**
 * The `supplier_orders` search projection on Elasticsearch (core features only). The version
 * guard needs no script: every document is indexed with external versioning (`version_type:
 * external`, the record's version), so Elasticsearch itself refuses a version that is not newer
 * with a 409 conflict — which is what "ignored" means here. Writes are visible to searches once
 * refresh() resolved (or after Elasticsearch's own refresh, within a second).
 */
export function createElasticsearchSupplierOrderSearch(
  deps: ElasticsearchSupplierOrderSearchDeps,
): SupplierOrderSearch {
  const { client, indexPrefix = '' } = deps;
  const index = supplierOrderIndexName(indexPrefix);

  return {
    async upsert(documents) {
      for (let start = 0; start < documents.length; start += BATCH) {
        const chunk = documents.slice(start, start + BATCH);
        const response = await client.bulk({
          refresh: false,
          operations: chunk.flatMap((doc) => [
            {
              index: {
                _index: index,
                _id: doc.supplierOrderId,
                version: doc.version,
                version_type: 'external' as const,
              },
            },
            doc,
          ]),
        });
        if (!response.errors) continue;
        const failures = response.items
          .map((item) => item.index)
          .filter((result) => result?.error !== undefined && result.status !== 409)
          .map(
            (result) =>
              `${result?._id ?? '?'}: ${result?.error?.type ?? ''} ${result?.error?.reason ?? ''}`,
          );
        if (failures.length > 0)
          throw new Error(
            `supplier_orders bulk upsert failed for ${failures.length} document(s): ${failures.slice(0, 5).join('; ')}`,
          );
      }
    },
    async refresh() {
      await client.indices.refresh({ index });
    },
    async search(query) {
      const response = await client.search<SupplierOrderSearchDocument>({
        index,
        from: query.offset,
        size: query.limit,
        track_total_hits: true,
        query: { bool: { filter: filtersOf(query) } },
        sort: [{ updatedAt: { order: 'desc' } }, { supplierOrderId: { order: 'asc' } }],
      });
      const total = response.hits.total;
      return {
        total: typeof total === 'number' ? total : (total?.value ?? 0),
        items: response.hits.hits
          .map((hit) => hit._source)
          .filter((doc): doc is SupplierOrderSearchDocument => doc !== undefined),
      };
    },
    async get(supplierOrderId) {
      const response = await client.get<SupplierOrderSearchDocument>(
        { index, id: supplierOrderId },
        { ignore: [404] },
      );
      return response.found ? (response._source ?? null) : null;
    },
  };
}
