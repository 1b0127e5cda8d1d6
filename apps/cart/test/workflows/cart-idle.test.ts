import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { CART_TASK_QUEUE, cartHoldId, cartQuery } from '@commerce/contracts/cart';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import { startTimeSkippingTestEnv } from '@commerce/test-kit/temporal';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { createCartActivities } from '../../src/activities/index.js';
import { createSqliteCouponStore } from '../../src/adapters/sqlite/sqlite-coupon-store.js';
import { addItemWithStart, cartHandle, cartSettings, newCartId, WORKFLOWS_PATH } from '../support/cart-harness.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';
import { createTestInventory } from '../support/test-inventory.js';

// The 30-day idle timeout, for real: on the time-skipping server the cart's timers fire as soon as nothing else is pending.
describe('cartWorkflow idle timeout (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let temp: TempDatabase;
  const inventory = createTestInventory({ 'TEE-BLK-M': { stock: 10, price: 2500 } });
  const workers: { worker: Worker; running: Promise<void> }[] = [];

  beforeAll(async () => {
    installQuietTemporalRuntime();
    env = await startTimeSkippingTestEnv();
    temp = createTempDatabase();
    const options = { connection: env.nativeConnection, namespace: env.namespace ?? 'default' };
    for (const worker of [
      await Worker.create({ ...options, taskQueue: INVENTORY_TASK_QUEUE, activities: inventory.activities }),
      await Worker.create({
        ...options,
        taskQueue: CART_TASK_QUEUE,
        workflowBundle: await workflowBundle(WORKFLOWS_PATH),
        activities: createCartActivities({ coupons: createSqliteCouponStore({ db: temp.db }) }),
      }),
    ])
      workers.push({ worker, running: worker.run() });
  }, 120_000);

  afterAll(async () => {
    for (const { worker } of workers) worker.shutdown();
    await Promise.all(workers.map((w) => w.running));
    await env?.teardown();
    temp?.cleanup();
  });

  it('abandons a cart idle for 30 days: hold released, status abandoned, result', async () => {
    const cartId = newCartId();
    const startedAt = await env.currentTimeMs();
    await addItemWithStart(env.client, { cartId, settings: cartSettings() }, { sku: 'TEE-BLK-M', quantity: 3 });
    expect(inventory.held(cartHoldId(cartId))).toEqual({ 'TEE-BLK-M': 3 });
    const handle = cartHandle(env.client, cartId);
    expect(await handle.result()).toEqual({ cartId, status: 'abandoned' });
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(30 * 86_400_000);
    const view = await handle.query(cartQuery);
    expect(view.status).toBe('abandoned');
    expect(view.lines[0]?.stockHeld).toBe(false);
    expect(inventory.held(cartHoldId(cartId))).toEqual({});
    // renewed while the shopper was active (1 h keep-alive, 15 min TTL), then released once
    expect(inventory.count('renewHold')).toBeGreaterThanOrEqual(4);
    expect(inventory.count('releaseHold')).toBe(1);
    inventory.assertConserved();
  }, 60_000);
});
