import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  ADJUST_STOCK_WORKFLOW,
  IMPORT_CATALOG_WORKFLOW,
  INVENTORY_TASK_QUEUE,
  importCatalogWorkflowId,
  type ImportCatalogWorkflow,
  type ProductSearchResult,
  type ProductView,
  type StockLevel,
  type StockLevelView,
} from '@commerce/contracts/inventory';
import {
  createTestClient,
  createTestWorkerConnection,
  testTemporalAddress,
  testTemporalNamespace,
  uniqueTaskQueue,
  type TestClient,
} from '@commerce/test-kit/temporal';
import { DefaultLogger, Runtime, Worker, type NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { holdStockProbeWorkflow } from './workflows/hold-stock-probe.js';
import {
  ADMIN_HEADERS,
  TEMPORAL_UI_URL,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { eventually } from './support/eventually.js';
import { expectProblem } from './support/problem-assertions.js';
import { spawnWorker, type WorkerProcess } from './support/worker-process.js';

type StockUpdateResult = StockLevel & { links: { temporalUi: string } };

/**
 * Admin stock routes end to end: gateway → Temporal → the REAL inventory worker process → SQLite
 * → projector → read model → gateway. Stock comes from the inventory's own catalog import.
 */
describe('admin inventory through the real inventory worker', () => {
  let h: GatewayHarness;
  let worker: WorkerProcess;
  let temporal: TestClient;
  let product: ProductView;

  const put = (sku: string, body: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'PUT',
      url: `/v1/admin/inventory/${sku}`,
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(body),
    });
  const putVia = (gateway: GatewayHarness, sku: string, body: unknown, key: string) =>
    gateway.app.inject({
      method: 'PUT',
      url: `/v1/admin/inventory/${sku}`,
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/json', 'idempotency-key': key },
      payload: JSON.stringify(body),
    });
  const getLevel = (sku: string) =>
    h.app.inject({ method: 'GET', url: `/v1/admin/inventory/${sku}`, headers: ADMIN_HEADERS });
  /** Polls the projected level until `accept` holds. */
  const projected = async (
    sku: string,
    accept: (level: StockLevelView) => boolean,
  ): Promise<StockLevelView> => {
    let last: StockLevelView | undefined;
    await expect
      .poll(
        async () => {
          const response = await getLevel(sku);
          last = response.statusCode === 200 ? json<StockLevelView>(response) : undefined;
          return last !== undefined && accept(last);
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
    return last!;
  };

  beforeAll(async () => {
    // The probe worker of the hold test logs through the SDK runtime: keep it to warnings.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    h = await createGatewayHarness({ workflowResultTimeoutMs: 60_000 });
    temporal = await createTestClient();
  });

  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
    await h?.close();
  });

  // Runs before the inventory worker exists (this file is the only one that starts it): the
  // workflow starts but nobody can finish it within the gateway's shortened wait.
  it('answers 504 workflow_timeout while no worker runs, keeps the key free, and a retry attaches to the same execution', async () => {
    const impatient = await createGatewayHarness({ workflowResultTimeoutMs: 1_000 });
    const key = `timeout-${randomUUID()}`;
    let workflowId: string | undefined;
    try {
      const first = expectProblem(
        await putVia(
          impatient,
          'GATEWAY-TIMEOUT-0001',
          { onHand: 1, reason: 'timeout probe' },
          key,
        ),
        504,
        'workflow_timeout',
      );
      workflowId = /Workflow (stock-adjustment:\S+) did not finish/.exec(String(first.detail))?.[1];
      expect(workflowId).toBeDefined();
      const description = await temporal.client.workflow.getHandle(workflowId!).describe();
      expect(description.status.name).toBe('RUNNING');
      expect(
        impatient.db
          .prepare('SELECT COUNT(*) AS n FROM gateway_idempotency_keys WHERE idempotency_key = ?')
          .get(key),
      ).toEqual({ n: 0 });

      const second = expectProblem(
        await putVia(
          impatient,
          'GATEWAY-TIMEOUT-0001',
          { onHand: 1, reason: 'timeout probe' },
          key,
        ),
        504,
        'workflow_timeout',
      );
      expect(second.detail).toContain(workflowId);
      let executions = 0;
      for await (const _ of temporal.client.workflow.list({
        query: `WorkflowId = '${workflowId}'`,
      }))
        executions += 1;
      expect(executions).toBe(1);
    } finally {
      // Leave nothing for the inventory worker started below.
      if (workflowId)
        await temporal.client.workflow.getHandle(workflowId).terminate('gateway test cleanup');
      await impatient.close();
    }
  });

  describe('with the inventory worker running', () => {
    beforeAll(async () => {
      worker = spawnWorker('inventory', {
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_NAMESPACE: testTemporalNamespace(),
        SQLITE_PATH: h.dbFile,
        LOG_LEVEL: 'warn',
        PROJECTOR_BATCH_WINDOW_MS: '50',
      });
      const importId = `gateway-test-${randomUUID()}`;
      try {
        const progress = await temporal.client.workflow.execute<ImportCatalogWorkflow>(
          IMPORT_CATALOG_WORKFLOW,
          {
            taskQueue: INVENTORY_TASK_QUEUE,
            workflowId: importCatalogWorkflowId(importId),
            args: [{ importId, source: { kind: 'generated', seed: 1, scale: 0.01 } }],
            workflowExecutionTimeout: '3 minutes',
          },
        );
        expect(progress.status).toBe('completed');
        expect(progress.created).toBeGreaterThan(0);
      } catch (error) {
        throw new Error(
          `catalog import failed: ${String(error)}\n--- inventory worker output ---\n${worker.output()}`,
        );
      }
      // The import projects products to the read side; pick one with a few in-stock variants.
      const listed = await eventually(
        async () =>
          json<ProductSearchResult>(
            await h.app.inject({ method: 'GET', url: '/v1/products?inStock=true&limit=100' }),
          ),
        (result) => result.total > 0,
        { timeoutMs: 60_000, what: 'imported products in the read model' },
      );
      product =
        listed.items.find((p) => p.variants.length >= 2 && p.variants.length <= 6) ??
        listed.items[0]!;
    }, 240_000);

    it('sets on-hand through adjustStockWorkflow and links the workflow in the Temporal UI', async () => {
      const sku = product.variants[0]!.sku;
      const requestId = `admin-test-${randomUUID()}`;
      const response = await put(
        sku,
        { onHand: 42, lowStockThreshold: 4, reason: 'cycle count' },
        { 'x-request-id': requestId },
      );
      expect(response.statusCode, response.body).toBe(200);
      const body = json<StockUpdateResult>(response);
      expect(body).toMatchObject({ sku, onHand: 42, lowStockThreshold: 4, lowStock: false });
      expect(body.available + body.held + body.confirmed + body.allocated).toBe(42);
      const workflowUrl = new URL(body.links.temporalUi);
      expect(`${workflowUrl.origin}`).toBe(TEMPORAL_UI_URL);
      const workflowId = decodeURIComponent(workflowUrl.pathname.split('/workflows/')[1]!);
      expect(workflowUrl.pathname).toContain(`/namespaces/${testTemporalNamespace()}/workflows/`);
      expect(workflowId).toMatch(/^stock-adjustment:/);

      const description = await temporal.client.workflow.getHandle(workflowId).describe();
      expect(description.type).toBe(ADJUST_STOCK_WORKFLOW);
      expect(description.taskQueue).toBe(INVENTORY_TASK_QUEUE);
      expect(description.memo).toEqual({ requestId });

      const level = await projected(sku, (l) => l.onHand === 42);
      expect(level).toMatchObject({ sku, productId: product.id, onHand: 42, lowStockThreshold: 4 });
    });

    it('never applies a retried request twice', async () => {
      const sku = product.variants[1]!.sku;
      const key = `retry-${randomUUID()}`;
      const first = await put(sku, { onHand: 20, reason: 'delivery' }, { 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(200);
      const firstBody = json<StockUpdateResult>(first);

      // A later, different change...
      const later = await put(sku, { onHand: 25, reason: 'recount' });
      expect(later.statusCode, later.body).toBe(200);
      expect(json<StockUpdateResult>(later).version).toBeGreaterThan(firstBody.version);

      // ...is not undone by a retry of the first request: it replays the stored response.
      const retry = await put(sku, { onHand: 20, reason: 'delivery' }, { 'idempotency-key': key });
      expect(retry.statusCode).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(json(retry)).toEqual(firstBody);

      // Even if the gateway lost its record (e.g. it answered 5xx), the key maps to the same
      // workflow id: the retry attaches to that execution's result instead of running again.
      h.db.prepare('DELETE FROM gateway_idempotency_keys WHERE idempotency_key = ?').run(key);
      const attached = await put(
        sku,
        { onHand: 20, reason: 'delivery' },
        { 'idempotency-key': key },
      );
      expect(attached.statusCode, attached.body).toBe(200);
      expect(attached.headers['idempotent-replayed']).toBeUndefined();
      expect(json<StockUpdateResult>(attached)).toEqual(firstBody);

      const level = await projected(sku, (l) => l.onHand === 25);
      expect(level.onHand).toBe(25);

      expectProblem(
        await put(sku, { onHand: 21, reason: 'delivery' }, { 'idempotency-key': key }),
        422,
        'idempotency_key_reused',
      );
    });

    it('refuses on-hand below the reserved units with 409 and changes nothing', async () => {
      const sku = product.variants[0]!.sku;
      expect((await put(sku, { onHand: 10, reason: 'reset' })).statusCode).toBe(200);

      const connection: NativeConnection = await createTestWorkerConnection();
      const taskQueue = uniqueTaskQueue('gateway-hold-probe');
      const probe = await Worker.create({
        connection,
        namespace: testTemporalNamespace(),
        taskQueue,
        workflowsPath: fileURLToPath(new URL('./workflows/hold-stock-probe.ts', import.meta.url)),
      });
      try {
        await probe.runUntil(
          temporal.client.workflow.execute<typeof holdStockProbeWorkflow>(
            'holdStockProbeWorkflow',
            {
              taskQueue,
              workflowId: `gateway-test-hold-${randomUUID()}`,
              args: [
                {
                  holdId: `gateway-test:${randomUUID()}`,
                  owner: 'gateway-test',
                  lines: [{ sku, quantity: 3 }],
                  ttlSeconds: 3_600,
                },
              ],
            },
          ),
        );
      } finally {
        await connection.close();
      }

      const refused = await put(sku, { onHand: 2, reason: 'shrinkage' });
      const problem = expectProblem(refused, 409, 'stock_below_reserved');
      expect(String(problem.detail)).toContain(sku);
      const level = await projected(sku, (l) => l.held === 3);
      expect(level).toMatchObject({ onHand: 10, held: 3, available: 7 });

      const allowed = await put(sku, { onHand: 3, reason: 'shrinkage' });
      expect(allowed.statusCode, allowed.body).toBe(200);
      expect(json(allowed)).toMatchObject({ onHand: 3, held: 3, available: 0 });
    }, 180_000);

    it('answers 404 sku_not_found for a SKU the inventory does not know', async () => {
      expectProblem(
        await put('NO-SUCH-SKU-0000', { onHand: 1, reason: 'r' }),
        404,
        'sku_not_found',
      );
      expectProblem(await getLevel('NO-SUCH-SKU-0000'), 404, 'sku_not_found');
    });

    it('shows the change in the catalog: availability and inStock', async () => {
      const target = json<ProductSearchResult>(
        await h.app.inject({ method: 'GET', url: '/v1/products?inStock=true&limit=100' }),
      ).items.find((p) => p.id !== product.id && p.variants.length <= 6)!;
      for (const variant of target.variants)
        expect((await put(variant.sku, { onHand: 0, reason: 'sold out' })).statusCode).toBe(200);
      await expect
        .poll(
          async () =>
            json<ProductView>(
              await h.app.inject({ method: 'GET', url: `/v1/products/${target.id}` }),
            ),
          { timeout: 30_000, interval: 200 },
        )
        .toMatchObject({ inStock: false, available: 0 });
      const outOfStock = json<ProductSearchResult>(
        await h.app.inject({ method: 'GET', url: '/v1/products?inStock=false&limit=100' }),
      );
      expect(outOfStock.items.map((p) => p.id)).toContain(target.id);

      const restocked = target.variants[0]!.sku;
      expect((await put(restocked, { onHand: 5, reason: 'restock' })).statusCode).toBe(200);
      await expect
        .poll(
          async () =>
            json<ProductView>(
              await h.app.inject({ method: 'GET', url: `/v1/products/${target.id}` }),
            ),
          { timeout: 30_000, interval: 200 },
        )
        .toMatchObject({ inStock: true, available: 5 });
      const view = json<ProductView>(
        await h.app.inject({ method: 'GET', url: `/v1/products/${target.id}` }),
      );
      expect(view.variants.find((v) => v.sku === restocked)).toMatchObject({
        available: 5,
        inStock: true,
      });
    });
  });
});
