import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildFixtureProducts } from '@commerce/catalog-search/testing';
import type { ProductView } from '@commerce/contracts/inventory';
import type { OrderSearchResult } from '@commerce/contracts/oms';
import {
  ORDER_SAGA_TASK_QUEUE,
  ORDER_SAGA_WORKFLOW,
  orderSagaWorkflowId,
  type OrderSagaInput,
} from '@commerce/contracts/order-saga';
import { buildFixtureOrders, fixtureOrder } from '@commerce/order-search/testing';
import { createTestNamespace, startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetails } from '../src/orders/order-details.js';
import {
  ADMIN_HEADERS,
  TEMPORAL_UI_URL,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

/**
 * The order routes on their own: the gateway against the run's dev server, with a stand-in
 * orderSagaWorkflow (test/workflows/stand-in-order-saga.ts) on the real `order-saga` queue of a
 * fresh namespace. The real saga, OMS and fulfillment run in test/orders/*.
 */
const APPROVAL_THRESHOLD = 100_000;
const products = buildFixtureProducts();
const inStock = (p: ProductView) => p.variants.filter((v) => v.available > 0);
const [first, second] = products.filter((p) => inStock(p).length > 0);
const skuA = inStock(first!)[0]!;
const skuB = inStock(second!)[0]!;

const customer = { email: 'jane.doe@example.com', name: 'Jane Doe' };
const shippingAddress = {
  name: 'Jane Doe',
  line1: '1 Main Street',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
};
const orderBody = (overrides: Record<string, unknown> = {}) => ({
  customer,
  items: [
    { sku: skuA.sku, quantity: 2 },
    { sku: skuB.sku, quantity: 1 },
  ],
  shippingAddress,
  paymentMethod: { type: 'card', token: 'tok_visa' },
  ...overrides,
});
const expectedTotal = 2 * skuA.price.amount + skuB.price.amount;

describe('order routes (with a stand-in saga)', () => {
  let h: GatewayHarness;
  let saga: TestWorker;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(body),
    });
  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers });
  const sagaInput = async (orderId: string): Promise<OrderSagaInput> => {
    const history = await saga.client.workflow.getHandle(orderSagaWorkflowId(orderId)).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    return JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as OrderSagaInput;
  };
  const workflowExists = async (orderId: string): Promise<boolean> => {
    try {
      await saga.client.workflow.getHandle(orderSagaWorkflowId(orderId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  beforeAll(async () => {
    const namespace = await createTestNamespace('gw-orders');
    saga = await startTestWorker({
      namespace,
      taskQueue: ORDER_SAGA_TASK_QUEUE,
      workflowsPath: fileURLToPath(new URL('./workflows/stand-in-order-saga.ts', import.meta.url)),
    });
    h = await createGatewayHarness({
      seed: true,
      namespace,
      env: {
        ORDER_APPROVAL_THRESHOLD: String(APPROVAL_THRESHOLD),
        ORDER_APPROVAL_WINDOW_MS: '5000',
        MANUAL_FULFILLMENT: 'true',
        FULFILLMENT_STAGE_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await saga?.stop();
  });

  it('prices an order on the server, starts its saga and answers 201 with its links', async () => {
    const requestId = `orders-test-${randomUUID()}`;
    const orderId = `order-${randomUUID()}`;
    const response = await post(
      '/v1/orders',
      orderBody({
        orderId,
        // A repeated SKU becomes one line.
        items: [
          { sku: skuA.sku, quantity: 1 },
          { sku: skuB.sku, quantity: 1 },
          { sku: skuA.sku, quantity: 1 },
        ],
        expectedTotal: { amount: expectedTotal, currency: 'USD' },
      }),
      { 'x-request-id': requestId },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe(`/v1/orders/${orderId}`);
    const body = json<Record<string, unknown>>(response);
    expect(body).toMatchObject({
      orderId,
      status: 'fulfilling',
      total: { amount: expectedTotal, currency: 'USD' },
      links: { self: `/v1/orders/${orderId}` },
    });
    expect(body.confirmationNumber).toMatch(/^[A-Z2-7]{8}$/);
    const ui = new URL((body.links as { temporalUi: string }).temporalUi);
    expect(ui.origin).toBe(TEMPORAL_UI_URL);
    expect(decodeURIComponent(ui.pathname)).toContain(`/workflows/order:${orderId}`);

    const input = await sagaInput(orderId);
    expect(input).toMatchObject({
      orderId,
      confirmationNumber: body.confirmationNumber,
      source: 'api',
      customer,
      requestId,
      totals: {
        subtotal: { amount: expectedTotal },
        discount: { amount: 0 },
        shipping: { amount: 0 },
        tax: { amount: 0 },
        total: { amount: expectedTotal, currency: 'USD' },
      },
      settings: {
        approvalThreshold: APPROVAL_THRESHOLD,
        approvalWindowMs: 5_000,
        fulfillmentMode: 'manual',
        simulatedStageMs: 50,
        holdTtlSeconds: 900,
        returnWindowMs: 7 * 86_400_000,
        dropshipPollMs: 10_000,
      },
    });
    expect(input.lines).toEqual([
      {
        sku: skuA.sku,
        quantity: 2,
        unitPrice: skuA.price,
        title: `${first!.title} (${skuA.options.color} / ${skuA.options.size})`,
        productId: first!.id,
        supplier: first!.supplier,
      },
      {
        sku: skuB.sku,
        quantity: 1,
        unitPrice: skuB.price,
        title: `${second!.title} (${skuB.options.color} / ${skuB.options.size})`,
        productId: second!.id,
        supplier: second!.supplier,
      },
    ]);
    const description = await saga.client.workflow.getHandle(orderSagaWorkflowId(orderId)).describe();
    expect(description.type).toBe(ORDER_SAGA_WORKFLOW);
    expect(description.memo).toEqual({ requestId });

    const read = await get(`/v1/orders/${orderId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(json<OrderDetails>(read)).toMatchObject({
      orderId,
      confirmationNumber: body.confirmationNumber,
      status: 'fulfilling',
      order: null,
      saga: { status: 'fulfilling', total: { amount: expectedTotal } },
    });
    const timeline = await get(`/v1/orders/${orderId}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(json(timeline)).toMatchObject({
      orderId,
      status: 'fulfilling',
      entries: [],
      saga: { status: 'fulfilling', completedSteps: ['reserve_stock', 'authorize_payment'] },
    });
  });

  it('derives the order id from the Idempotency-Key, so every retry is the same order', async () => {
    const key = `create-${randomUUID()}`;
    const first = await post('/v1/orders', orderBody(), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const { orderId } = json<{ orderId: string }>(first);
    expect(orderId).toMatch(/^[0-9a-f]{40}$/);
    const replay = await post('/v1/orders', orderBody(), { 'idempotency-key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(first.body);
    // Even without the stored response the key maps onto the same saga (update-with-start, USE_EXISTING).
    h.db.prepare('DELETE FROM gateway_idempotency_keys WHERE idempotency_key = ?').run(key);
    const attached = await post('/v1/orders', orderBody(), { 'idempotency-key': key });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(json(attached)).toEqual(json(first));
    let runs = 0;
    for await (const _ of saga.client.workflow.list({
      query: `WorkflowId = '${orderSagaWorkflowId(orderId)}'`,
    }))
      runs += 1;
    expect(runs).toBe(1);
    expectProblem(
      await post('/v1/orders', orderBody({ items: [{ sku: skuA.sku, quantity: 5 }] }), {
        'idempotency-key': key,
      }),
      422,
      'idempotency_key_reused',
    );
  });

  it('answers 402 payment_declined naming the order, also once its saga has ended', async () => {
    const orderId = `declined-${randomUUID()}`;
    const body = orderBody({ orderId, paymentMethod: { type: 'card', token: 'tok_chargeDeclined' } });
    const problem = expectProblem(await post('/v1/orders', body), 402, 'payment_declined');
    expect(problem).toMatchObject({
      orderId,
      detail: 'Your card was declined.',
      links: { self: `/v1/orders/${orderId}` },
    });
    await saga.client.workflow.getHandle(orderSagaWorkflowId(orderId)).result();
    // The saga of this id is closed: a retry is answered from its final state, never a new saga.
    expectProblem(await post('/v1/orders', body), 402, 'payment_declined');
    const read = json<OrderDetails>(await get(`/v1/orders/${orderId}`));
    expect(read).toMatchObject({ status: 'declined', order: null });
  });

  it('refuses changed prices and unknown SKUs without starting a saga', async () => {
    const changed = `changed-${randomUUID()}`;
    const problem = expectProblem(
      await post(
        '/v1/orders',
        orderBody({ orderId: changed, expectedTotal: { amount: expectedTotal - 1, currency: 'USD' } }),
      ),
      409,
      'price_changed',
    );
    expect(problem.detail).toContain(String(expectedTotal));
    expect(await workflowExists(changed)).toBe(false);

    const unknown = `unknown-${randomUUID()}`;
    const refused = expectProblem(
      await post(
        '/v1/orders',
        orderBody({
          orderId: unknown,
          items: [
            { sku: skuA.sku, quantity: 1 },
            { sku: 'NO-SUCH-SKU-1', quantity: 1 },
          ],
        }),
      ),
      422,
      'unknown_sku',
    );
    expect(refused.errors).toEqual([{ path: '/body/items/1/sku', message: 'unknown SKU' }]);
    expect(await workflowExists(unknown)).toBe(false);
  });

  it('refuses a malformed order with 400 listing every problem, and never takes prices from the client', async () => {
    const problem = expectProblem(
      await post('/v1/orders', {
        items: [{ sku: skuA.sku, quantity: 0, unitPrice: { amount: 1, currency: 'USD' } }],
        shippingAddress: { ...shippingAddress, country: 'usa' },
        paymentMethod: { type: 'card', token: '4242424242424242' },
      }),
      400,
      'validation_failed',
    );
    const paths = (problem.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/body/customer',
        '/body/items/0/quantity',
        '/body/items/0/unitPrice',
        '/body/shippingAddress/country',
        '/body/paymentMethod/token',
      ]),
    );
  });

  it('refuses a client order id that belongs to another order (409 order_id_conflict)', async () => {
    const orderId = `conflict-${randomUUID()}`;
    expect((await post('/v1/orders', orderBody({ orderId }))).statusCode).toBe(201);
    // The same order again is the same order...
    expect((await post('/v1/orders', orderBody({ orderId }))).statusCode).toBe(201);
    // ...other items under its id are refused.
    expectProblem(
      await post('/v1/orders', orderBody({ orderId, items: [{ sku: skuB.sku, quantity: 3 }] })),
      409,
      'order_id_conflict',
    );
  });

  it('decides a high-value order through the admin route, and refuses decisions it does not await', async () => {
    const orderId = `high-value-${randomUUID()}`;
    const items = [{ sku: skuA.sku, quantity: Math.ceil((APPROVAL_THRESHOLD + 1) / skuA.price.amount) }];
    const placed = await post('/v1/orders', orderBody({ orderId, items }));
    expect(placed.statusCode, placed.body).toBe(201);
    expect(json(placed)).toMatchObject({ status: 'awaiting_approval' });
    expect(json(await get(`/v1/orders/${orderId}`))).toMatchObject({ status: 'awaiting_approval' });

    const decision = { approved: true, approvedBy: 'admin@company.com', reason: 'Verified with customer' };
    expectProblem(
      await post(`/v1/admin/orders/${orderId}/approval`, decision),
      401,
      'unauthenticated',
    );
    const approved = await post(`/v1/admin/orders/${orderId}/approval`, decision, ADMIN_HEADERS);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(json<OrderDetails>(approved)).toMatchObject({
      orderId,
      status: 'fulfilling',
      saga: { approval: { approved: true, approvedBy: 'admin@company.com' } },
    });
    // The validator refuses a second decision: 409 through the failure table.
    expectProblem(
      await post(`/v1/admin/orders/${orderId}/approval`, decision, ADMIN_HEADERS),
      409,
      'order_not_awaiting_approval',
    );

    const rejectedId = `rejected-${randomUUID()}`;
    expect((await post('/v1/orders', orderBody({ orderId: rejectedId, items }))).statusCode).toBe(201);
    const rejected = await post(
      `/v1/admin/orders/${rejectedId}/approval`,
      { ...decision, approved: false, reason: 'Suspicious' },
      ADMIN_HEADERS,
    );
    expect(json(rejected)).toMatchObject({ status: 'rejected' });
    await saga.client.workflow.getHandle(orderSagaWorkflowId(rejectedId)).result();
    // Updates on a finished saga: clean 409s, never a 500.
    expectProblem(
      await post(`/v1/admin/orders/${rejectedId}/approval`, decision, ADMIN_HEADERS),
      409,
      'order_not_awaiting_approval',
    );
    expectProblem(
      await post(`/v1/orders/${rejectedId}/cancel`, { reason: 'changed my mind' }),
      409,
      'order_not_cancellable',
    );
  });

  it('cancels an order through the saga and replays the answer for a retried request', async () => {
    const orderId = `cancel-${randomUUID()}`;
    expect((await post('/v1/orders', orderBody({ orderId }))).statusCode).toBe(201);
    const key = `cancel-${randomUUID()}`;
    const cancelled = await post(
      `/v1/orders/${orderId}/cancel`,
      { reason: 'changed my mind' },
      { 'idempotency-key': key },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<OrderDetails>(cancelled)).toMatchObject({
      orderId,
      status: 'cancelled',
      saga: { cancellation: { cancelledBy: 'api', reason: 'changed my mind' } },
    });
    const retried = await post(
      `/v1/orders/${orderId}/cancel`,
      { reason: 'changed my mind' },
      { 'idempotency-key': key },
    );
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toBe(cancelled.body);
  });

  it('answers 404 order_not_found on every order route for an unknown order', async () => {
    const id = `nope-${randomUUID()}`;
    expectProblem(await get(`/v1/orders/${id}`), 404, 'order_not_found');
    expectProblem(await get(`/v1/orders/${id}/timeline`), 404, 'order_not_found');
    expectProblem(await post(`/v1/orders/${id}/cancel`, { reason: 'x' }), 404, 'order_not_found');
    const line = [{ sku: skuA.sku, quantity: 1 }];
    expectProblem(
      await post(`/v1/orders/${id}/returns`, { lines: line, reason: 'too small' }),
      404,
      'order_not_found',
    );
    const admin = (path: string, body: unknown) => post(path, body, ADMIN_HEADERS);
    const decision = { approved: true, approvedBy: 'a', reason: 'b' };
    expectProblem(await admin(`/v1/admin/orders/${id}/approval`, decision), 404, 'order_not_found');
    expectProblem(
      await admin(`/v1/admin/orders/${id}/status`, { status: 'processing', reason: 'r' }),
      404,
      'order_not_found',
    );
    expectProblem(await admin(`/v1/admin/orders/${id}/notes`, { note: 'n' }), 404, 'order_not_found');
    expectProblem(
      await admin(`/v1/admin/orders/${id}/returns/r-1/decision`, { approved: true, reason: 'ok' }),
      404,
      'order_not_found',
    );
    expectProblem(await admin(`/v1/admin/fulfillments/${id}/advance`, {}), 404, 'order_not_found');
  });

  it('answers 409 for OMS and fulfillment operations on an order OMS does not have yet', async () => {
    const orderId = `early-${randomUUID()}`;
    expect((await post('/v1/orders', orderBody({ orderId }))).statusCode).toBe(201);
    expectProblem(
      await post(`/v1/orders/${orderId}/returns`, {
        lines: [{ sku: skuA.sku, quantity: 1 }],
        reason: 'too small',
      }),
      409,
      'return_not_allowed',
    );
    expectProblem(
      await post(`/v1/admin/orders/${orderId}/status`, { status: 'processing', reason: 'r' }, ADMIN_HEADERS),
      409,
      'invalid_order_status_transition',
    );
    expectProblem(
      await post(`/v1/admin/fulfillments/${orderId}/advance`, {}, ADMIN_HEADERS),
      409,
      'nothing_to_advance',
    );
  });

  it('searches the orders projection with filters and disjunctive facets (admin only)', async () => {
    const orders = [
      ...buildFixtureOrders(12),
      fixtureOrder({ orderId: 'gw-search-1', status: 'delivered', customerName: 'Zelda Quartz' }),
    ];
    await h.orderSearch.upsertOrders(orders);

    expectProblem(await get('/v1/admin/orders'), 401, 'unauthenticated');
    const all = await get('/v1/admin/orders?limit=100', ADMIN_HEADERS);
    expect(all.statusCode, all.body).toBe(200);
    const result = json<OrderSearchResult>(all);
    expect(result.total).toBe(orders.length);
    const statusCounts = new Map<string, number>();
    for (const o of orders) statusCounts.set(o.status, (statusCounts.get(o.status) ?? 0) + 1);
    for (const bucket of result.facets.status) expect(bucket.count).toBe(statusCounts.get(bucket.value));

    const delivered = json<OrderSearchResult>(
      await get('/v1/admin/orders?status=delivered&limit=100', ADMIN_HEADERS),
    );
    expect(delivered.items.every((o) => o.status === 'delivered')).toBe(true);
    expect(delivered.total).toBe(statusCounts.get('delivered'));
    // Disjunctive: the status facet ignores the status filter.
    expect(delivered.facets.status).toEqual(result.facets.status);

    const byName = json<OrderSearchResult>(await get('/v1/admin/orders?q=zelda', ADMIN_HEADERS));
    expect(byName.items.map((o) => o.orderId)).toEqual(['gw-search-1']);

    expectProblem(
      await get('/v1/admin/orders?placedFrom=2025-02-01T00:00:00Z&placedTo=2025-01-01T00:00:00Z', ADMIN_HEADERS),
      400,
      'validation_failed',
    );
    expectProblem(await get('/v1/admin/orders?status=lost', ADMIN_HEADERS), 400, 'validation_failed');
  });
});
