import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createTestClient, uniqueTaskQueue, type TestClient } from '@commerce/test-kit/temporal';
import { INVENTORY_PROJECTOR_WORKFLOW, InventoryFailure } from '@commerce/contracts/inventory';
import { createInventoryStores, type InventoryStores } from '../../test/support/inventory-stores.js';
import { createTemporalStockChangeNotifier } from '../adapters/temporal/temporal-stock-change-notifier.js';
import { createHoldActivities } from './hold-activities.js';

const settings = { batchWindowMs: 100, sweepIntervalMs: 60_000, maxSignalsPerRun: 500, projectionBatchSize: 100 };

describe('hold activities', () => {
  let stores: InventoryStores;
  let test: TestClient;
  const projectorId = `projector-${randomUUID()}`;

  beforeAll(async () => {
    stores = createInventoryStores('inventory-hold-activities-');
    test = await createTestClient();
    await stores.stock.initializeStock([{ sku: 'HA-1', onHand: 5, lowStockThreshold: 1 }], new Date().toISOString());
  });
  afterAll(async () => {
    await test.client.workflow.getHandle(projectorId).terminate('test finished').catch(() => undefined);
    await test.close();
    stores.temp.cleanup();
  });

  // The real notifier: signal-with-start on a queue no worker polls, so the signals stay observable in history.
  const activities = () =>
    createHoldActivities(
      stores.deps(createTemporalStockChangeNotifier({ client: test.client, settings, taskQueue: uniqueTaskQueue('hold-activities'), workflowId: projectorId })),
    );
  const signalsSent = async () => {
    const history = await test.client.workflow.getHandle(projectorId).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'stockChanged').length;
  };

  it('signals the projector (starting it) after each successful mutation', async () => {
    const acts = activities();
    const hold = await acts.holdStock({ holdId: 'order:1', owner: 'order:1', lines: [{ sku: 'HA-1', quantity: 2 }], ttlSeconds: 60 });
    expect(hold.lines).toEqual([{ sku: 'HA-1', quantity: 2, status: 'held' }]);
    const description = await test.client.workflow.getHandle(projectorId).describe();
    expect(description.type).toBe(INVENTORY_PROJECTOR_WORKFLOW);
    expect(description.status.name).toBe('RUNNING');
    await acts.confirmHold({ holdId: 'order:1' });
    await acts.allocateHold({ holdId: 'order:1', supplierId: 'sup-1' });
    const fulfilled = await acts.fulfillHold({ holdId: 'order:1' });
    expect(fulfilled.lines[0]).toMatchObject({ status: 'fulfilled', supplierId: 'sup-1' });
    expect(await signalsSent()).toBe(4);
    expect(await stores.stock.getLevel('HA-1')).toMatchObject({ onHand: 3, available: 3 });
  });

  it('reopens confirmed lines (and tells the projector), refusing bad input', async () => {
    const acts = activities();
    await stores.stock.initializeStock([{ sku: 'HA-2', onHand: 4, lowStockThreshold: 1 }], new Date().toISOString());
    await acts.holdStock({ holdId: 'cart:r', owner: 'cart:r', lines: [{ sku: 'HA-2', quantity: 2 }], ttlSeconds: 60 });
    await acts.confirmHold({ holdId: 'cart:r', skus: ['HA-2'] });
    const before = await signalsSent();
    const reopened = await acts.reopenHold({ holdId: 'cart:r', skus: ['HA-2'], ttlSeconds: 600, reason: 'declined' });
    expect(reopened.lines).toEqual([{ sku: 'HA-2', quantity: 2, status: 'held' }]);
    expect(Date.parse(reopened.expiresAt) - Date.now()).toBeGreaterThan(500_000);
    expect(await signalsSent()).toBe(before + 1);
    expect(await stores.stock.getLevel('HA-2')).toMatchObject({ held: 2, confirmed: 0, available: 2 });
    const invalid = await acts.reopenHold({ holdId: 'cart:r', ttlSeconds: 0 }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ type: InventoryFailure.InvalidInput, nonRetryable: true });
  });

  it('fails with non-retryable ApplicationFailures of the contract types, and sends no signal', async () => {
    const acts = activities();
    const before = await signalsSent();
    const insufficient = await acts
      .holdStock({ holdId: 'cart:9', owner: 'cart:9', lines: [{ sku: 'HA-1', quantity: 4 }], ttlSeconds: 60 })
      .catch((e: unknown) => e);
    expect(insufficient).toBeInstanceOf(ApplicationFailure);
    expect(insufficient).toMatchObject({
      type: InventoryFailure.InsufficientStock,
      nonRetryable: true,
      details: [{ sku: 'HA-1', requested: 4, available: 3 }],
    });
    const invalid = await acts.holdStock({ holdId: 'cart:9', owner: 'cart:9', lines: [], ttlSeconds: 60 }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ type: InventoryFailure.InvalidInput, nonRetryable: true });
    expect((invalid as Error).message).toMatch(/\/lines/);
    const missing = await acts.releaseHold({ holdId: 'cart:none' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ type: InventoryFailure.HoldNotFound, nonRetryable: true });
    expect(await signalsSent()).toBe(before);
    expect(await stores.stock.getLevel('HA-1')).toMatchObject({ onHand: 3, available: 3, held: 0 });
  });
});
