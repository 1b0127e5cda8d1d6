import { CHECKOUT_TASK_QUEUE } from '@commerce/contracts/checkout';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadCheckoutConfig } from './config.js';
import { createCheckoutWorker } from './worker.js';

await runWorkerProcess({
  name: 'checkout',
  taskQueue: CHECKOUT_TASK_QUEUE,
  loadConfig: loadCheckoutConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createCheckoutWorker,
});
