import type { Client } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { createTestClient, createTestWorkerConnection, testTemporalNamespace, uniqueTaskQueue } from '@commerce/test-kit/temporal';
import type { InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { createTemporalStockChangeNotifier } from '../../src/adapters/temporal/temporal-stock-change-notifier.js';
import { createInventoryActivities } from '../../src/activities/index.js';
import { createInventoryWorker } from '../../src/worker.js';
import type { InventoryStores } from './inventory-stores.js';
import { installQuietTemporalRuntime } from './quiet-temporal-runtime.js';
import { inventoryWorkflowBundle } from './workflow-bundle.js';

export interface InventoryTestWorker {
  client: Client;
  taskQueue: string;
  worker: Worker;
  stop(): Promise<void>;
}

/**
 * A real inventory worker on its own task queue against the run's Temporal dev server, wired
 * like production (createInventoryWorker) on the given stores.
 */
export async function startInventoryTestWorker(options: {
  stores: InventoryStores;
  settings: InventoryProjectorSettings;
  projectorId: string;
  taskQueue?: string;
}): Promise<InventoryTestWorker> {
  installQuietTemporalRuntime();
  const taskQueue = options.taskQueue ?? uniqueTaskQueue('inventory');
  const { client, close: closeClient } = await createTestClient();
  const connection: NativeConnection = await createTestWorkerConnection();
  const notifier = createTemporalStockChangeNotifier({ client, settings: options.settings, taskQueue, workflowId: options.projectorId });
  const worker = await createInventoryWorker({
    connection,
    namespace: testTemporalNamespace(),
    taskQueue,
    workflows: { workflowBundle: await inventoryWorkflowBundle() },
    ...options.stores.deps(notifier),
  });
  const running = worker.run();
  return {
    client,
    taskQueue,
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await closeClient();
    },
  };
}

/** The activities as another domain's call would run them, notifying the given projector. */
export function activitiesFor(
  stores: InventoryStores,
  client: Client,
  target: { taskQueue: string; projectorId: string; settings: InventoryProjectorSettings },
) {
  const notifier = createTemporalStockChangeNotifier({ client, settings: target.settings, taskQueue: target.taskQueue, workflowId: target.projectorId });
  return createInventoryActivities(stores.deps(notifier));
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`, { cause: last });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
