import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { uniqueTaskQueue } from '@commerce/test-kit/temporal';
import { startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import type { InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { createTemporalStockChangeNotifier } from '../../src/adapters/temporal/temporal-stock-change-notifier.js';
import { createInventoryActivities } from '../../src/activities/index.js';
import type { InventoryStores } from './inventory-stores.js';

export const INVENTORY_WORKFLOWS_PATH = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));

export type InventoryTestWorker = TestWorker;

/**
 * A real inventory worker (its workflows, bundled once per file, and its activities built as
 * production builds them) on its own task queue against the run's Temporal dev server.
 */
export async function startInventoryTestWorker(options: {
  stores: InventoryStores;
  settings: InventoryProjectorSettings;
  projectorId: string;
  taskQueue?: string;
}): Promise<InventoryTestWorker> {
  const taskQueue = options.taskQueue ?? uniqueTaskQueue('inventory');
  return await startTestWorker({
    workflowsPath: INVENTORY_WORKFLOWS_PATH,
    taskQueue,
    activities: ({ client }) => activitiesFor(options.stores, client, { ...options, taskQueue }),
  });
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
