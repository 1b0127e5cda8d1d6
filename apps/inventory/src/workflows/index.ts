// The inventory worker's workflowsPath: every workflow of the `inventory` task queue.
export { inventoryProjectorWorkflow } from './inventory-projector.js';
export { importCatalogWorkflow } from './import-catalog.js';
export { adjustStockWorkflow } from './adjust-stock.js';
