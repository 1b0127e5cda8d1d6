import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowFailedError } from '@temporalio/client';
import {
  ADJUST_STOCK_WORKFLOW,
  adjustStockWorkflowId,
  InventoryFailure,
  projectorStatusQuery,
  type AdjustStockInput,
  type AdjustStockWorkflow,
  type InventoryProjectorSettings,
} from '@commerce/contracts/inventory';
import { createInventoryStores, type InventoryStores } from '../support/inventory-stores.js';
import { eventually } from '@commerce/test-kit/worker';
import { startInventoryTestWorker, type InventoryTestWorker } from '../support/inventory-test-worker.js';

const settings: InventoryProjectorSettings = { batchWindowMs: 50, sweepIntervalMs: 60_000, maxSignalsPerRun: 500, projectionBatchSize: 100 };

describe('adjustStockWorkflow', () => {
  let stores: InventoryStores;
  let worker: InventoryTestWorker;
  const projectorId = `projector-${randomUUID()}`;

  beforeAll(async () => {
    stores = createInventoryStores('inventory-adjust-');
    worker = await startInventoryTestWorker({ stores, settings, projectorId });
    await stores.catalog.upsertCollections([{ handle: 'tools', title: 'Tools', description: '' }], new Date().toISOString());
  });
  afterAll(async () => {
    await worker.client.workflow.getHandle(projectorId).terminate('test finished').catch(() => undefined);
    await worker.stop();
    stores.temp.cleanup();
  });

  const adjust = (input: AdjustStockInput) =>
    worker.client.workflow.execute<AdjustStockWorkflow>(ADJUST_STOCK_WORKFLOW, {
      workflowId: adjustStockWorkflowId(input.adjustmentId),
      taskQueue: worker.taskQueue,
      args: [input],
    });

  it('sets on-hand, returns the level and lets the projector publish it', async () => {
    const now = new Date().toISOString();
    await stores.stock.initializeStock([{ sku: 'ADJ-1', onHand: 3, lowStockThreshold: 5 }], now);
    const input = { adjustmentId: `k-${randomUUID()}`, sku: 'ADJ-1', onHand: 12, lowStockThreshold: 4, reason: 'delivery', actor: 'admin' };
    const level = await adjust(input);
    expect(level).toMatchObject({ sku: 'ADJ-1', onHand: 12, available: 12, lowStockThreshold: 4, lowStock: false });
    // The same key again (a retried admin request): same result, no second movement.
    expect(await adjust(input)).toMatchObject({ onHand: 12, version: level.version });
    expect((await stores.stock.readJournal({ sku: 'ADJ-1' })).filter((m) => m.type === 'adjust')).toHaveLength(1);
    const status = await eventually(async () => {
      const s = await worker.client.workflow.getHandle(projectorId).query(projectorStatusQuery);
      return s.stats.signalsReceived >= 2 && s.pendingSkus === 0 && s.stats.passes > 0 ? s : undefined;
    }, { timeoutMs: 30_000, what: 'the projector to see the adjustment' });
    expect(status.stats.skusProjected).toBeGreaterThan(0);
  }, 60_000);

  it('fails with StockBelowReserved when on-hand would drop below the held units', async () => {
    const now = new Date().toISOString();
    await stores.stock.initializeStock([{ sku: 'ADJ-2', onHand: 10, lowStockThreshold: 1 }], now);
    await stores.stock.hold({ holdId: 'cart:x', owner: 'cart:x', lines: [{ sku: 'ADJ-2', quantity: 6 }], ttlSeconds: 600 }, now);
    const failure = await adjust({ adjustmentId: `k-${randomUUID()}`, sku: 'ADJ-2', onHand: 5, reason: 'shrinkage', actor: 'admin' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({
      type: InventoryFailure.StockBelowReserved,
      nonRetryable: true,
      details: [{ sku: 'ADJ-2', onHand: 5, reserved: 6 }],
    });
    expect(await stores.stock.getLevel('ADJ-2')).toMatchObject({ onHand: 10, available: 4, held: 6 });
  }, 60_000);
});
