import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import type { Client } from '@elastic/elasticsearch';
import type { CatalogReadModel } from '../ports.js';
import { installCatalogReadModelIndices } from './catalog-indices.js';
import { createElasticsearchCatalogReadModel } from './elasticsearch-catalog-read-model.js';

export interface OpenElasticsearchCatalogReadModelOptions {
  /** ELASTICSEARCH_URL, e.g. `http://127.0.0.1:9200`. */
  node: string;
  /** ELASTICSEARCH_INDEX_PREFIX; default none. */
  indexPrefix?: string;
  /**
   * Install the index templates and create missing indices first (idempotent, like the SQLite
   * read model's migrations at start); default true. Pass the index files' folder as a string
   * where there is no workspace root (see catalogIndicesDir).
   */
  installIndices?: boolean | string;
}

export interface OpenedElasticsearchCatalogReadModel {
  readModel: CatalogReadModel;
  client: Client;
  /** Closes the client (its sockets). */
  close: () => Promise<void>;
}

/** A process's read model on Elasticsearch: client, indices installed, adapter. */
export async function openElasticsearchCatalogReadModel(
  options: OpenElasticsearchCatalogReadModelOptions,
): Promise<OpenedElasticsearchCatalogReadModel> {
  const { node, indexPrefix = '', installIndices = true } = options;
  const client = createElasticsearchClient({ node });
  try {
    if (installIndices !== false) {
      await installCatalogReadModelIndices(client, {
        prefix: indexPrefix,
        ...(typeof installIndices === 'string' && { dir: installIndices }),
      });
    }
  } catch (err) {
    await client.close();
    throw err;
  }
  return {
    readModel: createElasticsearchCatalogReadModel({ client, indexPrefix }),
    client,
    close: () => client.close(),
  };
}
