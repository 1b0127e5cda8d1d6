import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import type { Client } from '@elastic/elasticsearch';
import type { OrderSearch } from '../ports.js';
import { createElasticsearchOrderSearch, type ElasticsearchOrderSearchDeps } from './elasticsearch-order-search.js';
import { installOrderSearchIndices } from './order-indices.js';

export interface OpenElasticsearchOrderSearchOptions {
  /** ELASTICSEARCH_URL, e.g. `http://127.0.0.1:9200`. */
  node: string;
  /** ELASTICSEARCH_INDEX_PREFIX; default none. */
  indexPrefix?: string;
  /**
   * Install the index templates and create missing indices first (idempotent); default true.
   * Deployments where a migrations job owns the schema pass false (SCHEMA_SETUP=false). Pass the
   * index files' folder as a string where there is no workspace root (see orderIndicesDir).
   */
  installIndices?: boolean | string;
  refresh?: ElasticsearchOrderSearchDeps['refresh'];
}

export interface OpenedElasticsearchOrderSearch {
  search: OrderSearch;
  client: Client;
  /** Closes the client (its sockets). */
  close: () => Promise<void>;
}

/** A process's orders projection on Elasticsearch: client, indices installed, adapter. */
export async function openElasticsearchOrderSearch(options: OpenElasticsearchOrderSearchOptions): Promise<OpenedElasticsearchOrderSearch> {
  const { node, indexPrefix = '', installIndices = true, refresh } = options;
  const client = createElasticsearchClient({ node });
  try {
    if (installIndices !== false) {
      await installOrderSearchIndices(client, { prefix: indexPrefix, ...(typeof installIndices === 'string' && { dir: installIndices }) });
    }
  } catch (err) {
    await client.close();
    throw err;
  }
  return {
    search: createElasticsearchOrderSearch({ client, indexPrefix, ...(refresh !== undefined && { refresh }) }),
    client,
    close: () => client.close(),
  };
}
