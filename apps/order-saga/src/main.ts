import { ORDER_SAGA_TASK_QUEUE } from '@commerce/contracts/order-saga';
import { runWorkerProcess } from '@commerce/worker-runtime';
import { loadOrderSagaConfig } from './config.js';
import { createOrderSagaWorker } from './worker.js';

await runWorkerProcess({
  name: 'order-saga',
  taskQueue: ORDER_SAGA_TASK_QUEUE,
  loadConfig: loadOrderSagaConfig,
  workflowsUrl: new URL('./workflows/index.js', import.meta.url),
  setup: createOrderSagaWorker,
});
