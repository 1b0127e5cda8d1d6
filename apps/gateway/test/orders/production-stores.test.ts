import { randomUUID } from 'node:crypto';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, testStores } from '@commerce/test-kit/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../support/gateway-harness.js';
import { expectMoneyInvariants, expectStockConserved } from '../support/money-invariants.js';
import { ORDER1 } from '../support/order-bodies.js';
import { client, orderUntil, startOrderStack, type OrderStack } from '../support/order-stack.js';
import { expectProblem } from '../support/problem-assertions.js';

const HEADPHONES = 'E2E-HEADPHONES-BLK';
const CASE = 'E2E-CASE-GRY';

const stores = testStores();

/**
 * The production profile: every worker and the gateway on Cassandra (STORE=cassandra, their own
 * keyspaces under a unique prefix; the gateway's idempotency records included) and Elasticsearch
 * (SEARCH=elasticsearch, the catalog and orders projections under a unique index prefix). The
 * happy path and idempotent creation, end to end.
 */
describe.skipIf('skipReason' in stores)('orders on Cassandra and Elasticsearch', () => {
  let stack: OrderStack;
  let c: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startOrderStack({ stores: 'production' });
    c = client(stack.gateway);
  }, 300_000);
  afterAll(async () => {
    await stack?.close();
  }, 120_000);

  it('order1 is delivered, charged once, its stock shipped, and searchable in the orders index', async () => {
    const before = await stack.stock([HEADPHONES, CASE]);
    const key = `prod-${randomUUID()}`;
    const created = await c.post('/v1/orders', ORDER1, { 'idempotency-key': key });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({ orderId: 'order-001', total: { amount: 135_997 } });

    // The idempotency record lives in Cassandra: a second gateway replica replays it.
    const replica = await stack.anotherGateway({});
    const replayed = await client(replica).post('/v1/orders', ORDER1, { 'idempotency-key': key });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toBe(created.body);
    expectProblem(
      await client(replica).post(
        '/v1/orders',
        { ...ORDER1, items: [{ sku: CASE, quantity: 1 }] },
        {
          'idempotency-key': key,
        },
      ),
      422,
      'idempotency_key_reused',
    );
    const concurrentKey = `prod-${randomUUID()}`;
    const body = { ...ORDER1, orderId: 'order-001-b' };
    const both = await Promise.all([
      c.post('/v1/orders', body, { 'idempotency-key': concurrentKey }),
      client(replica).post('/v1/orders', body, { 'idempotency-key': concurrentKey }),
    ]);
    for (const r of both) expect([201, 409], r.body).toContain(r.statusCode);
    expect(both.some((r) => r.statusCode === 201)).toBe(true);

    for (const orderId of ['order-001', 'order-001-b']) {
      const done = await orderUntil(
        stack.gateway,
        orderId,
        (o) => o.saga.status === 'delivered',
        `${orderId} delivered`,
        90_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${stack.diagnostics()}`, { cause: error });
      });
      const money = expectMoneyInvariants(await stack.ledger(orderId), done.saga);
      expect(money.count).toMatchObject({ authorization: 1, capture: 1 });
      expect(money.captured).toBe(135_997);
    }
    expectStockConserved(before, await stack.stock([HEADPHONES, CASE]), {
      [HEADPHONES]: -4,
      [CASE]: -2,
    });

    await expect
      .poll(
        async () =>
          json<{ items: { orderId: string; status: string }[] }>(
            await c.adminGet('/v1/admin/orders?q=order-001&status=delivered'),
          )
            .items.map((o) => o.orderId)
            .sort(),
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(['order-001', 'order-001-b']);

    // Everything above lived in the production stores: each app's keyspace and the orders index.
    const cassandra = createCassandraClient({
      ...requireTestStores().cassandra,
      applicationName: 'gateway-tests',
    });
    try {
      const rows = await cassandra.execute('SELECT keyspace_name FROM system_schema.keyspaces');
      const keyspaces = rows.rows.map((r) => String(r.get('keyspace_name')));
      expect(keyspaces).toEqual(expect.arrayContaining(Object.values(stack.keyspaces!)));
      const records = await cassandra.execute(
        `SELECT idempotency_key FROM ${stack.keyspaces!.gateway}.idempotency_keys`,
      );
      expect(records.rows.map((r) => String(r.get('idempotency_key')))).toContain(key);
    } finally {
      await cassandra.shutdown();
    }
    const count = await fetch(
      `${requireTestStores().elasticsearchUrl}/${stack.indexPrefix!}orders/_count`,
    );
    expect(((await count.json()) as { count: number }).count).toBe(2);
  });
});
