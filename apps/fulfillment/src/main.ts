import { FULFILLMENT_TASK_QUEUE } from '@commerce/contracts/fulfillment';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadFulfillmentConfig } from './config.js';
import { createFulfillmentWorker } from './worker.js';

await runWorkerProcess({
  name: 'fulfillment',
  taskQueue: FULFILLMENT_TASK_QUEUE,
  loadConfig: loadFulfillmentConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createFulfillmentWorker,
});
