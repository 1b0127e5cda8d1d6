import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { startTimeSkippingTestEnv } from '@commerce/test-kit/temporal';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import {
  ORDER_SAGA_TASK_QUEUE,
  ORDER_SAGA_WORKFLOW,
  orderSagaQuery,
  orderSagaWorkflowId,
  type OrderSagaWorkflow,
} from '@commerce/contracts/order-saga';
import { createPaymentActivities } from '../../src/activities/index.js';
import { createSimulatedPaymentProcessor } from '../../src/adapters/simulated/simulated-payment-processor.js';
import { createSqlitePaymentLedger } from '../../src/adapters/sqlite/sqlite-payment-ledger.js';
import { assertLedgerInvariants } from '../../src/domain/ledger-invariants.js';
import type { PaymentProcessor } from '../../src/ports/payment-processor.js';
import { orderInput, SKUS, WORKFLOWS_PATH } from '../support/saga-harness.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';
import { createTestInventory } from '../support/test-inventory.js';

// The 24-hour approval window, for real: on the time-skipping test server the saga's timer fires
// as soon as nothing else is pending, so a day passes in a moment.
describe('orderSagaWorkflow approval window (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let temp: TempDatabase;
  let processor: PaymentProcessor;
  const inventory = createTestInventory({ [SKUS.tee]: 50 });
  const workers: { worker: Worker; running: Promise<void> }[] = [];

  beforeAll(async () => {
    installQuietTemporalRuntime();
    env = await startTimeSkippingTestEnv();
    temp = createTempDatabase('order-saga-ts-');
    processor = createSimulatedPaymentProcessor({
      ledger: createSqlitePaymentLedger({ db: temp.db }),
    });
    const options = { connection: env.nativeConnection, namespace: env.namespace ?? 'default' };
    for (const worker of [
      await Worker.create({
        ...options,
        taskQueue: INVENTORY_TASK_QUEUE,
        activities: inventory.activities,
      }),
      await Worker.create({
        ...options,
        taskQueue: ORDER_SAGA_TASK_QUEUE,
        workflowBundle: await workflowBundle(WORKFLOWS_PATH),
        activities: createPaymentActivities({ processor }),
      }),
    ]) {
      workers.push({ worker, running: worker.run() });
    }
  });

  afterAll(async () => {
    for (const { worker } of workers) worker.shutdown();
    await Promise.all(workers.map((w) => w.running));
    await env?.teardown();
    temp?.cleanup();
  });

  it('compensates a high-value order nobody decided on within 24 hours', async () => {
    const orderId = 'expiry-1';
    const input = orderInput(orderId, {
      lines: [
        {
          sku: SKUS.tee,
          quantity: 10,
          unitPrice: { amount: 89_999, currency: 'USD' },
          title: 'Tee',
          productId: 'p-tee',
          supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
        },
      ],
    });
    input.settings.approvalWindowMs = 24 * 3_600_000;
    const handle = await env.client.workflow.start<OrderSagaWorkflow>(ORDER_SAGA_WORKFLOW, {
      workflowId: orderSagaWorkflowId(orderId),
      taskQueue: ORDER_SAGA_TASK_QUEUE,
      args: [input],
    });
    const startedAt = await env.currentTimeMs();
    expect(await handle.result()).toEqual({ orderId, status: 'approval_expired' });
    expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(24 * 3_600_000);

    const state = await handle.query(orderSagaQuery);
    expect(state.completedSteps).toEqual(['reserve_stock', 'authorize_payment']);
    expect(state.compensations.map((c) => `${c.name}:${c.status}`)).toEqual([
      'void_payment:done',
      'release_stock:done',
    ]);
    expect(inventory.statuses(`order:${orderId}`)).toEqual({ [SKUS.tee]: 'released' });
    const entries = await processor.ledger(orderId);
    expect(entries.map((e) => e.kind)).toEqual(['authorization', 'void']);
    assertLedgerInvariants(entries);
    inventory.assertConserved();
  }, 60_000);
});
