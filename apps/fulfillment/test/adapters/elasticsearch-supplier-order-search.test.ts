import { afterAll, describe } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { createElasticsearchSupplierOrderSearch } from '../../src/adapters/elasticsearch/elasticsearch-supplier-order-search.js';
import {
  dropSupplierOrderIndex,
  installSupplierOrderIndex,
  supplierOrderIndexName,
} from '../../src/adapters/elasticsearch/supplier-order-index.js';
import { describeSupplierOrderSearchContract } from '../contract/supplier-order-search.contract.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Elasticsearch supplier order search', () => {
  const prefix = `${uniqueStoreName('fulfillment')}_`;
  let client: Client | undefined;
  let installed: Promise<unknown> | undefined;
  afterAll(async () => {
    if (client === undefined) return;
    await dropSupplierOrderIndex(client, { prefix });
    await client.close();
  });

  describeSupplierOrderSearchContract('elasticsearch', async () => {
    if ('skipReason' in stores) throw new Error(stores.skipReason);
    client ??= createElasticsearchClient({ node: stores.elasticsearchUrl });
    installed ??= installSupplierOrderIndex(client, { prefix });
    await installed;
    // A fresh, empty index for each test (core Elasticsearch has no _delete_by_query): the
    // installed template gives the new index its settings and mappings.
    const index = supplierOrderIndexName(prefix);
    await client.indices.delete({ index }, { ignore: [404] });
    await client.indices.create({ index, wait_for_active_shards: 1 });
    return {
      search: createElasticsearchSupplierOrderSearch({ client, indexPrefix: prefix }),
      close: () => undefined,
    };
  });
});
