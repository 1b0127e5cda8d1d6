// The order-saga worker's workflowsPath: every workflow of the `order-saga` task queue.
export { orderSagaWorkflow } from './order-saga.js';
