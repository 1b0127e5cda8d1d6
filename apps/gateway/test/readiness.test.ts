import { IMPORT_CATALOG_WORKFLOW, importCatalogWorkflowId } from '@commerce/contracts/inventory';
import {
  buildFixtureCollections,
  buildFixtureProducts,
  buildFixtureStockLevels,
} from '@commerce/catalog-search/testing';
import { createTestClient, uniqueTaskQueue, type TestClient } from '@commerce/test-kit/temporal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

/** /readyz says not-ready while the catalog seed import runs. */
describe('readiness waits for the catalog seed', () => {
  let h: GatewayHarness;
  let temporal: TestClient;
  beforeAll(async () => {
    h = await createGatewayHarness(); // real Temporal, empty catalog read model
    temporal = await createTestClient();
  });
  afterAll(async () => {
    await h.close();
    await temporal.close();
  });

  const ready = () => h.app.inject({ method: 'GET', url: '/readyz' });

  it('is 503 not_ready while a seed import runs, 200 before and after it', async () => {
    // An empty catalog alone is ready: a new deployment imports its catalog through the gateway.
    expect(json((await ready()))).toMatchObject({
      status: 'ready',
      checks: { temporal: { status: 'up' }, readModel: { status: 'up' }, orderSearch: { status: 'up' }, catalog: { status: 'up' } },
    });

    // A seed import is running (as dev-stack starts it; no worker here, so it stays running) and
    // its first products are already projected: still not ready.
    const seed = await temporal.client.workflow.start(IMPORT_CATALOG_WORKFLOW, {
      workflowId: importCatalogWorkflowId(`seed-${Date.now()}-x1`),
      taskQueue: uniqueTaskQueue('readiness-seed'),
      args: [{ importId: 'readiness', source: { kind: 'generated', seed: 1, scale: 1 } }],
    });
    const products = buildFixtureProducts();
    await h.readModel.upsertCollections(buildFixtureCollections());
    await h.readModel.upsertProducts(products);
    await h.readModel.upsertStockLevels(buildFixtureStockLevels(products));
    await h.readModel.refresh();
    const running = await eventually(
      ready,
      (r) => r.statusCode === 503 && String(json(r).detail).includes('still running'),
      { what: 'the running seed import in visibility' },
    );
    expect(running.headers['retry-after']).toBe('5');
    const problem = expectProblem(running, 503, 'not_ready');
    expect(problem.detail).toContain(seed.workflowId);
    expect(problem.checks).toMatchObject({ temporal: { status: 'up' }, catalog: { status: 'down' } });

    await seed.terminate('test: the seed finished');
    const seeded = await eventually(ready, (r) => r.statusCode === 200, {
      what: 'readiness after the seed',
    });
    expect(json(seeded)).toMatchObject({ status: 'ready', checks: { catalog: { status: 'up' } } });
  });

  it('says so in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, { get: { description: string } }> }>(
      await h.app.inject({ method: 'GET', url: '/openapi.json' }),
    );
    expect(doc.paths['/readyz']!.get.description).toContain('catalog-import:seed-');
  });
});
