import { OMS_TASK_QUEUE } from '@commerce/contracts/oms';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadOmsConfig } from './config.js';
import { createOmsWorker } from './worker.js';

// Process entry: config → logger → runtime → connections → stores → worker → graceful shutdown.
await runWorkerProcess({
  name: 'oms',
  taskQueue: OMS_TASK_QUEUE,
  loadConfig: loadOmsConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createOmsWorker,
});
