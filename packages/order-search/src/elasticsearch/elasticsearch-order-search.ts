import type { Client } from '@elastic/elasticsearch';
import { normalizeOrderSearchQuery } from '../normalize-order-search-query.js';
import { newestPerOrder } from '../order-document.js';
import type { OrderSearch } from '../ports.js';
import { ordersIndexName } from './order-indices.js';
import { toOrderIndexDocument, type OrderIndexDocument } from './order-index-document.js';
import { orderSearchRequest, orderSearchResult } from './order-search-request.js';

export interface ElasticsearchOrderSearchDeps {
  /** From createElasticsearchClient (@commerce/elasticsearch-store). */
  client: Client;
  /** The prefix given to installOrderSearchIndices (tests); default none. */
  indexPrefix?: string;
  /**
   * The bulk refresh policy. Default `wait_for`: upsertOrders resolves once its writes are
   * searchable (read-your-writes, without forcing a refresh per write). `true` refreshes at once
   * (tests); `false` leaves it to the index's refresh interval (backfills).
   */
  refresh?: boolean | 'wait_for';
}

/** Documents per bulk request. */
const BATCH = 500;

/**
 * The `orders` search projection on Elasticsearch (production profile), core features only.
 *
 * The version guard needs no script: each document is indexed with `version_type: external` and
 * the document's `version`, so Elasticsearch itself refuses one that is not newer than the stored
 * one (a 409 version conflict, counted as `ignored`). Replays, retried activities and flushes that
 * arrive out of order therefore never bring an older state back. The batch is checked as a whole
 * before any request (nothing written when a document is unusable); other per-document bulk
 * errors reject the call after the rest of the chunk was written (the caller retries; the version
 * guard makes that idempotent).
 */
export function createElasticsearchOrderSearch(deps: ElasticsearchOrderSearchDeps): OrderSearch {
  const { client, indexPrefix = '', refresh = 'wait_for' } = deps;
  const index = ordersIndexName(indexPrefix);

  return {
    async upsertOrders(input) {
      const documents = newestPerOrder(input).docs.map(toOrderIndexDocument);
      let written = 0;
      for (let start = 0; start < documents.length; start += BATCH) {
        const chunk = documents.slice(start, start + BATCH);
        const response = await client.bulk<OrderIndexDocument>({
          refresh,
          operations: chunk.flatMap((body) => [
            { index: { _index: index, _id: body.orderId, version: body.version, version_type: 'external' as const } },
            body,
          ]),
        });
        const failures: string[] = [];
        for (const item of response.items) {
          const result = item.index;
          if (result?.error === undefined) {
            written += 1;
          } else if (result.error.type !== 'version_conflict_engine_exception') {
            failures.push(`${result._id ?? '?'}: ${result.error.type}: ${result.error.reason ?? ''}`);
          }
        }
        if (failures.length > 0) {
          throw new Error(`Elasticsearch rejected ${failures.length} of ${chunk.length} orders for ${index}: ${failures.slice(0, 5).join('; ')}`);
        }
      }
      return { written, ignored: input.length - written };
    },

    async searchOrders(query) {
      const normalized = normalizeOrderSearchQuery(query);
      const response = await client.search<Pick<OrderIndexDocument, 'doc'>>(orderSearchRequest(index, normalized));
      return orderSearchResult(response);
    },

    async getOrder(orderId) {
      if (orderId === '') return null;
      // A realtime get: sees the latest write even before a refresh.
      const response = await client.get<Pick<OrderIndexDocument, 'doc'>>({ index, id: orderId, _source: ['doc'] }, { ignore: [404] });
      return response.found && response._source !== undefined ? response._source.doc : null;
    },

    async ping() {
      // Reachable, and the index exists (a missing one is index_not_found).
      await client.count({ index }, { maxRetries: 0 });
    },
  };
}
