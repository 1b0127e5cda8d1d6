import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULFILLMENT_TASK_QUEUE, fulfillmentWorkflowId, type FulfillmentInput } from '@commerce/contracts/fulfillment';
import {
  OMS_TASK_QUEUE,
  ORDER_WORKFLOW,
  fulfillmentStatusSignal,
  orderQuery,
  orderTimelineQuery,
  orderWorkflowId,
  requestReturnUpdate,
  type OrderWorkflow,
} from '@commerce/contracts/oms';
import { createSqliteOrderSearch, migrateOrderSearch } from '@commerce/order-search/sqlite';
import { startTimeSkippingTestEnv } from '@commerce/test-kit/temporal';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { createOmsActivities } from '../../src/activities/index.js';
import { createSqliteOrderRepository } from '../../src/adapters/sqlite/sqlite-order-repository.js';
import { createSqliteTimelineRepository } from '../../src/adapters/sqlite/sqlite-timeline-repository.js';
import { orderLine, placedOrder, workflowInput } from '../support/fixtures.js';
import { workflowsPath } from '../support/oms-test-harness.js';
import { createTempDatabase } from '../support/temp-database.js';

// The 7-day return window on the TIME-SKIPPING server: after `delivered` the order completes on
// its own once the window closed, with no one touching it. (The saga is absent here: OMS's
// progress reports to it are dropped, as for a saga that already ended.)

const DAY = 86_400_000;
const temp = createTempDatabase('oms-window-');
migrateOrderSearch(temp.db);
let env: TestWorkflowEnvironment;
let oms: Worker;
let fulfillment: Worker;
let running: Promise<unknown>;

beforeAll(async () => {
  installQuietTemporalRuntime();
  env = await startTimeSkippingTestEnv();
  const stores = {
    orders: createSqliteOrderRepository({ db: temp.db }),
    timeline: createSqliteTimelineRepository({ db: temp.db }),
    search: createSqliteOrderSearch({ db: temp.db }),
  };
  oms = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: OMS_TASK_QUEUE,
    workflowBundle: await workflowBundle(workflowsPath),
    activities: createOmsActivities({ ...stores, client: env.client, projectionFlushMs: 1_000 }),
  });
  fulfillment = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: FULFILLMENT_TASK_QUEUE,
    activities: { startFulfillment: (input: FulfillmentInput) => Promise.resolve({ workflowId: fulfillmentWorkflowId(input.orderId) }) },
  });
  running = Promise.all([oms.run(), fulfillment.run()]);
}, 180_000);

afterAll(async () => {
  oms?.shutdown();
  fulfillment?.shutdown();
  await running;
  await env?.teardown();
  temp.cleanup();
});

describe('the return window (time-skipping)', () => {
  it('completes a delivered order on its own once the 7-day window closed, and refuses returns after it', async () => {
    const order = placedOrder('order-window-1', [orderLine('TEE-0001-BLK-M', 1, 2_500, 'acme'), orderLine('CAP-0002-RED-L', 1, 1_800, 'north')]);
    const handle = await env.client.workflow.start<OrderWorkflow>(ORDER_WORKFLOW, {
      taskQueue: OMS_TASK_QUEUE,
      workflowId: orderWorkflowId(order.orderId),
      args: [workflowInput(order, { returnWindowMs: 7 * DAY })],
    });
    for (const supplier of ['acme', 'north']) {
      for (const status of ['shipped', 'delivered'] as const) {
        await handle.signal(fulfillmentStatusSignal, {
          orderId: order.orderId,
          supplierOrderId: `${order.orderId}:${supplier}`,
          supplierId: supplier,
          status,
          trackingNumber: null,
          reason: '',
          at: new Date().toISOString(),
        });
      }
    }
    // Waiting for the result lets the server skip the 7 days.
    expect(await handle.result()).toEqual({ orderId: order.orderId, status: 'completed' });
    const view = await handle.query(orderQuery);
    expect(view.deliveredAt).not.toBeNull();
    expect(Date.parse(view.completedAt ?? '') - Date.parse(view.deliveredAt ?? '')).toBeGreaterThanOrEqual(7 * DAY);
    const last = (await handle.query(orderTimelineQuery)).at(-1);
    expect(last).toMatchObject({ actor: 'system:oms', fromStatus: 'delivered', toStatus: 'completed', reason: expect.stringContaining('return window closed') as string });
    // The workflow ended: a return can no longer be requested.
    await expect(
      handle.executeUpdate(requestReturnUpdate, { args: [{ returnId: 'late', lines: [{ sku: 'TEE-0001-BLK-M', quantity: 1 }], reason: 'late', requestedBy: 'shopper:cust-1' }] }),
    ).rejects.toThrow();
  });
});
