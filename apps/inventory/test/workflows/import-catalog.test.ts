import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowFailedError } from '@temporalio/client';
import {
  IMPORT_CATALOG_WORKFLOW,
  importCatalogWorkflowId,
  importProgressQuery,
  InventoryFailure,
  type ImportCatalogInput,
  type ImportCatalogWorkflow,
  type ImportProgress,
  type InventoryProjectorSettings,
  type StockLevel,
} from '@commerce/contracts/inventory';
import { generatedCatalog, GENERATED_COLLECTIONS } from '../../src/catalog/generated-catalog.js';
import { createInventoryStores, type InventoryStores } from '../support/inventory-stores.js';
import { startInventoryTestWorker, type InventoryTestWorker } from '../support/inventory-test-worker.js';
import { recordHistory } from '../support/record-history.js';
import { assertStockInvariant } from '../contract/assert-stock-invariant.js';

const settings: InventoryProjectorSettings = { batchWindowMs: 100, sweepIntervalMs: 60_000, maxSignalsPerRun: 500, projectionBatchSize: 100 };

describe('importCatalogWorkflow', () => {
  let stores: InventoryStores;
  let worker: InventoryTestWorker;

  beforeAll(async () => {
    stores = createInventoryStores('inventory-import-wf-');
    worker = await startInventoryTestWorker({ stores, settings, projectorId: `projector-${randomUUID()}` });
  });
  afterAll(async () => {
    await worker.stop();
    stores.temp.cleanup();
  });

  const start = (importId: string, source: ImportCatalogInput['source'], batchSize?: number, more: Partial<ImportCatalogInput> = {}) =>
    worker.client.workflow.start<ImportCatalogWorkflow>(IMPORT_CATALOG_WORKFLOW, {
      workflowId: importCatalogWorkflowId(importId),
      taskQueue: worker.taskQueue,
      args: [{ importId, source, ...(batchSize ? { batchSize } : {}), ...more }],
    });

  const allLevels = async (): Promise<StockLevel[]> => stores.stock.listLevels({ limit: 100_000 });

  it('imports in batches with progress visible while it runs, and a second import changes nothing', async () => {
    const source = { kind: 'generated', seed: 31, scale: 0.05 } as const;
    const total = generatedCatalog(31, 0.05).total;
    const importId = `first-${randomUUID()}`;
    const handle = await start(importId, source, 5);
    const seen: ImportProgress[] = [];
    for (let done = false; !done; ) {
      const progress = await handle.query(importProgressQuery);
      seen.push(progress);
      done = progress.status === 'completed' || progress.status === 'failed';
      if (!done) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const result = await handle.result();
    expect(result).toMatchObject({ importId, status: 'completed', total, processed: total, created: total, rejected: 0, errors: [] });
    expect(result.batches).toBe(Math.ceil(total / 5));
    expect(seen.some((p) => p.status === 'importing' && p.processed > 0 && p.processed < total)).toBe(true);
    expect(await stores.catalog.counts()).toMatchObject({ products: total - GENERATED_COLLECTIONS.length, collections: GENERATED_COLLECTIONS.length });
    await recordHistory(worker.client, 'import-catalog', handle.workflowId);

    // Stock moves, then the same catalog is imported again: every line unchanged, no stock reset.
    const [first] = await allLevels();
    await stores.stock.adjust({ adjustmentId: `adj-${importId}`, sku: first!.sku, onHand: first!.onHand + 7, reason: 'recount', actor: 'test' }, new Date().toISOString());
    const before = await allLevels();
    const again = await (await start(`second-${randomUUID()}`, source, 50)).result();
    expect(again).toMatchObject({ status: 'completed', total, created: 0, updated: 0, unchanged: total, rejected: 0 });
    expect(await allLevels()).toEqual(before);
    expect((await stores.readModel.getStockLevel(first!.sku))?.onHand).toBe(first!.onHand + 7);
    await assertStockInvariant(stores.stock);
  }, 120_000);

  it('continues as new on a long import, carrying offset and progress', async () => {
    const source = { kind: 'generated', seed: 33, scale: 0.02 } as const;
    const total = generatedCatalog(33, 0.02).total;
    const handle = await start(`long-${randomUUID()}`, source, 10, { maxBatchesPerRun: 3 });
    const result = await handle.result();
    // Other imports in this file wrote the same collections and product ids (another seed): the
    // outcomes differ by test order, their sum does not.
    expect(result).toMatchObject({ status: 'completed', total, processed: total, rejected: 0, batches: Math.ceil(total / 10) });
    expect(result.created + result.updated + result.unchanged).toBe(total);
    const runs = [];
    for await (const run of worker.client.workflow.list({ query: `WorkflowId = '${handle.workflowId}'` })) runs.push(run.status.name);
    expect(runs.filter((s) => s === 'CONTINUED_AS_NEW')).toHaveLength(Math.ceil(Math.ceil(total / 10) / 3) - 1);
    expect(await handle.query(importProgressQuery)).toEqual(result);
  }, 120_000);

  it('imports a file, reporting a bad line by number', async () => {
    const catalog = generatedCatalog(32, 0.01);
    const lines = Array.from({ length: catalog.total }, (_, i) => JSON.stringify(catalog.line(i)));
    lines[catalog.total - 3] = '{"product": {"id": "Not Valid"}}';
    const file = join(stores.temp.dir, 'catalog-32.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await (await start(`file-${randomUUID()}`, { kind: 'file', path: file }, 20)).result();
    expect(result).toMatchObject({ status: 'completed', total: catalog.total, rejected: 1 });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(catalog.total - 2);
  }, 60_000);

  it('fails on a source it cannot read, with the reason in the progress', async () => {
    const handle = await start(`missing-${randomUUID()}`, { kind: 'file', path: join(stores.temp.dir, 'nope.ndjson') });
    const failure = await handle.result().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type: InventoryFailure.InvalidCatalogSource });
    const progress = await handle.query(importProgressQuery);
    expect(progress.status).toBe('failed');
    expect(progress.errors.at(-1)?.message).toMatch(/cannot read catalog file/);
  }, 60_000);
});
