// The checkout queue's workflows (the workflowsPath of its worker).
export { checkoutWorkflow } from './checkout.js';
