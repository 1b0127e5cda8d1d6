import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadInventoryConfig } from './config.js';
import { createInventoryWorker } from './worker.js';

// Process entry: config → logger → runtime → connections → stores → worker → graceful shutdown.
await runWorkerProcess({
  name: 'inventory',
  taskQueue: INVENTORY_TASK_QUEUE,
  loadConfig: loadInventoryConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createInventoryWorker,
});
