// The oms task queue's workflows (the workflowsPath of the OMS worker).
export { orderWorkflow } from './order-workflow.js';
