import { proxyActivities } from '@temporalio/workflow';
import type { AdjustStockInput, AdjustStockWorkflow, InventoryActivities } from '@commerce/contracts/inventory';

const { adjustStock } = proxyActivities<InventoryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});

/**
 * An admin stock adjustment (the gateway starts it with adjustStockWorkflowId(adjustmentId)).
 * Business failures (StockBelowReserved, UnknownSku) fail the workflow with the activity's failure.
 */
export const adjustStockWorkflow: AdjustStockWorkflow = async (input: AdjustStockInput) => adjustStock(input);
