// The fulfillment worker's workflowsPath: every workflow of the `fulfillment` task queue.
export { fulfillmentWorkflow } from './fulfillment.js';
export { supplierOrderWorkflow } from './supplier-order.js';
