import { CART_TASK_QUEUE } from '@commerce/contracts/cart';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadCartConfig } from './config.js';
import { createCartWorker } from './worker.js';

await runWorkerProcess({
  name: 'cart',
  taskQueue: CART_TASK_QUEUE,
  loadConfig: loadCartConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createCartWorker,
});
