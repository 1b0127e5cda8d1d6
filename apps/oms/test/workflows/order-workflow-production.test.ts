import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderProjectionQuery, orderTimelineQuery } from '@commerce/contracts/oms';
import { createElasticsearchClient } from '@commerce/elasticsearch-store';
import { createElasticsearchOrderSearch, dropOrderSearchIndices, installOrderSearchIndices } from '@commerce/order-search/elasticsearch';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { eventually } from '@commerce/test-kit/worker';
import type { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { createCassandraOrderRepository } from '../../src/adapters/cassandra/cassandra-order-repository.js';
import { createCassandraTimelineRepository } from '../../src/adapters/cassandra/cassandra-timeline-repository.js';
import { customerKeyOf } from '../../src/domain/order-search-document.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';
import { orderLine, placedOrder, workflowInput } from '../support/fixtures.js';
import { startOmsHarness, type OmsHarness } from '../support/oms-test-harness.js';

// The production profile: the real OMS worker on Cassandra (the oms keyspace) with the orders
// projection in Elasticsearch — what an order's life writes, read back from both stores.

const stores = testStores();

describe.skipIf('skipReason' in stores)('orderWorkflow on Cassandra + Elasticsearch', () => {
  const ks = createTestKeyspace('oms_wf');
  const prefix = `${uniqueStoreName('t')}_`;
  let es: ElasticsearchClient;
  let h: OmsHarness;
  let orders: ReturnType<typeof createCassandraOrderRepository>;
  let timeline: ReturnType<typeof createCassandraTimelineRepository>;
  let search: ReturnType<typeof createElasticsearchOrderSearch>;

  beforeAll(async () => {
    const client = await ks.client();
    es = createElasticsearchClient({ node: requireTestStores().elasticsearchUrl });
    await installOrderSearchIndices(es, { prefix });
    orders = createCassandraOrderRepository({ client });
    timeline = createCassandraTimelineRepository({ client });
    search = createElasticsearchOrderSearch({ client: es, indexPrefix: prefix });
    h = await startOmsHarness({ orders, timeline, search }, { projectionFlushMs: 300 });
  }, 180_000);
  afterAll(async () => {
    await h?.stop();
    if (es !== undefined) {
      await dropOrderSearchIndices(es, { prefix });
      await es.close();
    }
    await ks.drop();
  });

  it('writes the views, the timeline and a searchable orders document', async () => {
    const orderId = `order-${randomUUID().slice(0, 8)}`;
    const order = placedOrder(orderId, [orderLine('TEE-0001-BLK-M', 2, 2_500, 'acme'), orderLine('CAP-0002-RED-L', 1, 1_800, 'north', 'manual')], {
      customer: { customerId: `cust-${orderId}`, email: 'zoe.muller@example.com', name: 'Zoë Müller' },
    });
    const handle = await h.placeOrder(workflowInput(order));
    await h.until(handle, (v) => v.supplierOrders.length === 2, 'routing');
    await h.report(handle, `${orderId}:acme`, 'shipped');
    const partial = await h.until(handle, (v) => v.status === 'partially_shipped', 'partially_shipped');
    await eventually(async () => {
      const s = await handle.query(orderProjectionQuery);
      return !s.dirty && s.flushedVersion >= partial.version ? s : undefined;
    }, { what: 'the projection flushed' });

    const found = await search.searchOrders({ q: 'muller TEE-0001', status: ['partially_shipped'] });
    expect(found.items.map((d) => [d.orderId, d.status, d.customerId])).toEqual([[orderId, 'partially_shipped', `cust-${orderId}`]]);
    expect(found.facets.supplier).toEqual([
      { value: 'acme', count: 1 },
      { value: 'north', count: 1 },
    ]);
    expect((await orders.getOrder(orderId))?.status).toBe('partially_shipped');
    expect((await orders.findByConfirmationNumber(order.confirmationNumber))?.orderId).toBe(orderId);
    expect((await orders.listByCustomer(customerKeyOf(order.customer), 5)).map((s) => [s.orderId, s.status])).toEqual([[orderId, 'partially_shipped']]);
    expect(await timeline.list(orderId)).toEqual(await handle.query(orderTimelineQuery));
  });
});
