import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@temporalio/client';
import { createTestClient } from '@commerce/test-kit/temporal';
import { projectorStatusQuery, type InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { createTemporalStockChangeNotifier } from '../../src/adapters/temporal/temporal-stock-change-notifier.js';
import { generateProduct } from '../../src/catalog/generate-product.js';
import { createInventoryStores, type InventoryStores } from '../support/inventory-stores.js';
import { eventually } from '@commerce/test-kit/worker';
import { activitiesFor, startInventoryTestWorker, type InventoryTestWorker } from '../support/inventory-test-worker.js';
import { recordHistory } from '../support/record-history.js';
import { assertStockInvariant } from '../contract/assert-stock-invariant.js';

const SEED = 77;
const settings = (overrides: Partial<InventoryProjectorSettings>): InventoryProjectorSettings => ({
  batchWindowMs: 300,
  sweepIntervalMs: 60_000,
  maxSignalsPerRun: 10_000,
  projectionBatchSize: 40,
  ...overrides,
});

describe('inventoryProjectorWorkflow', () => {
  let stores: InventoryStores;
  let worker: InventoryTestWorker;
  let client: Client;
  let closeClient: () => Promise<void>;
  const projectors: string[] = [];
  const base = settings({});

  beforeAll(async () => {
    stores = createInventoryStores('inventory-projector-');
    ({ client, close: closeClient } = await createTestClient());
    worker = await startInventoryTestWorker({ stores, settings: base, projectorId: `unused-${randomUUID()}` });
    // A catalog to mutate: products 0..59 of a generated catalog, imported without projection side effects.
    const importer = activitiesFor(stores, client, { taskQueue: worker.taskQueue, projectorId: `unused-${randomUUID()}`, settings: base });
    await importer.importCatalogBatch({ importId: 'setup', source: { kind: 'generated', seed: SEED, scale: 0.03 }, offset: 0, limit: 200 });
  });

  afterAll(async () => {
    for (const id of projectors) await client.workflow.getHandle(id).terminate('test finished').catch(() => undefined);
    await worker.stop();
    await closeClient();
    stores.temp.cleanup();
  });

  const newProjector = () => {
    const id = `projector-${randomUUID()}`;
    projectors.push(id);
    return id;
  };
  const status = (id: string) => client.workflow.getHandle(id).query(projectorStatusQuery);
  const used = new Set<string>();
  /** SKUs no earlier test touched, with at least `min` units available. */
  const stockedSkus = async (count: number, min: number): Promise<string[]> => {
    const skus: string[] = [];
    for (let i = 0; skus.length < count && i < 81; i++) {
      for (const v of generateProduct(SEED, i).product.variants) {
        const level = await stores.stock.getLevel(v.sku);
        if (level && level.available >= min && !used.has(v.sku) && skus.length < count) skus.push(v.sku);
      }
    }
    expect(skus).toHaveLength(count);
    for (const sku of skus) used.add(sku);
    return skus;
  };

  it('batches rapid mutations into far fewer projection passes and projects every SKU', async () => {
    const projectorId = newProjector();
    const activities = activitiesFor(stores, client, { taskQueue: worker.taskQueue, projectorId, settings: base });
    const skus = await stockedSkus(60, 4);
    // 240 mutations: each SKU is held, held again with another quantity, and partly released.
    const mutations: (() => Promise<unknown>)[] = skus.flatMap((sku, i) => [
      () => activities.holdStock({ holdId: `a:${i}`, owner: 'cart:a', lines: [{ sku, quantity: 1 }], ttlSeconds: 600 }),
      () => activities.holdStock({ holdId: `b:${i}`, owner: 'cart:b', lines: [{ sku, quantity: 2 }], ttlSeconds: 600 }),
      () => activities.holdStock({ holdId: `a:${i}`, owner: 'cart:a', lines: [{ sku, quantity: 2 }], ttlSeconds: 600 }),
      () => activities.releaseHold({ holdId: `b:${i}` }),
    ]);
    // Four lanes, each applying its SKUs' mutations in order.
    const lanes = [0, 1, 2, 3].map(async (lane) => {
      for (let i = lane * 60; i < (lane + 1) * 60; i++) await mutations[i]!();
    });
    await Promise.all(lanes);

    const final = await eventually(async () => {
      const s = await status(projectorId);
      return s.stats.signalsReceived === mutations.length && s.pendingSkus === 0 ? s : undefined;
    }, { timeoutMs: 60_000, what: 'the projector to catch up' });
    for (const sku of skus) {
      const level = await activities.getStockLevel({ sku });
      const view = await stores.readModel.getStockLevel(sku);
      expect(view).toMatchObject({ sku, available: level.available, held: 2, activeHolds: 1 });
    }
    const product = await stores.readModel.getProduct(generateProduct(SEED, 0).product.id);
    const variant = product?.variants.find((v) => v.sku === skus[0]);
    expect(variant?.available).toBe((await activities.getStockLevel({ sku: skus[0]! })).available);
    console.log(
      `projector batching: ${mutations.length} mutations over ${skus.length} SKUs → ${final.stats.passes} projection passes ` +
        `(${final.stats.skusProjected} SKU projections)`,
    );
    expect(final.stats.passes * 5).toBeLessThanOrEqual(mutations.length);
    expect(final.stats.passes).toBeGreaterThan(0);
    await assertStockInvariant(stores.stock);
  }, 120_000);

  it('continues as new after maxSignalsPerRun signals, carrying its dirty SKUs and statistics', async () => {
    const projectorId = newProjector();
    const taskQueue = `${worker.taskQueue}-can`;
    const small = settings({ maxSignalsPerRun: 5, batchWindowMs: 100 });
    const skus = await stockedSkus(8, 1);
    // The signals arrive before any worker polls this queue, so the first run sees all of them
    // in its first task and must continue as new before projecting anything.
    const notifier = createTemporalStockChangeNotifier({ client, settings: small, taskQueue, workflowId: projectorId });
    for (let i = 0; i < 5; i++) await notifier.notifyStockChanged(skus.slice(i, i + 4));
    const firstRunId = (await client.workflow.getHandle(projectorId).describe()).runId;
    const second = await startInventoryTestWorker({ stores, settings: small, projectorId, taskQueue });
    try {
      const settled = await eventually(async () => {
        const s = await status(projectorId);
        return s.stats.runs >= 1 && s.pendingSkus === 0 && s.stats.skusProjected >= skus.length ? s : undefined;
      }, { timeoutMs: 60_000, what: 'the continued run to project the carried SKUs' });
      expect(settled.stats).toMatchObject({ runs: 1, signalsReceived: 5 });
      expect(settled.signalsThisRun).toBe(0);
      expect(settled.stats.passes).toBeGreaterThan(0);
      // Seven more signals: the second run continues as new once it handled five (signals that
      // arrive while it closes are still handled by it), and the statistics keep counting.
      for (let i = 0; i < 7; i++) await notifier.notifyStockChanged([skus[i % skus.length]!]);
      const later = await eventually(async () => {
        const s = await status(projectorId);
        // A query can reach the second run just after it continued as new: wait for the third.
        return s.stats.signalsReceived === 12 && s.pendingSkus === 0 && s.stats.runs === 2 ? s : undefined;
      }, { timeoutMs: 60_000, what: 'a third run that has seen twelve signals' });
      expect(later.signalsThisRun).toBeLessThan(5);
      const first = await client.workflow.getHandle(projectorId, firstRunId).describe();
      expect(first.status.name).toBe('CONTINUED_AS_NEW');
      await recordHistory(client, 'projector-continue-as-new', projectorId, firstRunId);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('sweeps: expires stale holds, heals drift, and projects the result', async () => {
    const projectorId = newProjector();
    const quick = settings({ sweepIntervalMs: 500, batchWindowMs: 100 });
    const activities = activitiesFor(stores, client, { taskQueue: worker.taskQueue, projectorId, settings: quick });
    const [sku, drifting] = await stockedSkus(2, 3);
    const before = await activities.getStockLevel({ sku: sku! });
    await activities.holdStock({ holdId: `short:${projectorId}`, owner: 'cart:short', lines: [{ sku: sku!, quantity: 2 }], ttlSeconds: 1 });
    expect((await activities.getStockLevel({ sku: sku! })).available).toBe(before.available - 2);

    const swept = await eventually(async () => {
      const s = await status(projectorId);
      const view = await stores.readModel.getStockLevel(sku!);
      return s.stats.holdsExpired >= 1 && s.pendingSkus === 0 && view?.available === before.available ? { s, view } : undefined;
    }, { timeoutMs: 30_000, what: 'the sweep to expire the hold' });
    expect(swept.view).toMatchObject({ held: 0, activeHolds: 0 });
    expect(swept.s.stats.sweeps).toBeGreaterThan(0);
    expect((await activities.getHold({ holdId: `short:${projectorId}` }))?.lines[0]?.status).toBe('expired');
    expect(await activities.getStockLevel({ sku: sku! })).toMatchObject({ available: before.available, held: 0 });

    // Drift behind the repository's back: the next sweep heals and re-projects it.
    const real = await activities.getStockLevel({ sku: drifting! });
    stores.temp.db
      .prepare('UPDATE inv_stock SET available = available - 1, held = held + 1 WHERE sku = ?')
      .run(drifting!);
    const healed = await eventually(async () => {
      const s = await status(projectorId);
      const view = await stores.readModel.getStockLevel(drifting!);
      return s.stats.driftHealed >= 2 && s.pendingSkus === 0 && view?.available === real.available && view.held === real.held ? s : undefined;
    }, { timeoutMs: 30_000, what: 'the sweep to heal drift' });
    expect(healed.stats.driftHealed).toBe(2);
    await recordHistory(client, 'projector-sweep', projectorId);
  }, 120_000);
});
