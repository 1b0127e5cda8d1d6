import type { Client } from '@temporalio/client';
import {
  INVENTORY_PROJECTOR_WORKFLOW,
  INVENTORY_PROJECTOR_WORKFLOW_ID,
  INVENTORY_TASK_QUEUE,
  stockChangedSignal,
  type InventoryProjectorSettings,
  type InventoryProjectorWorkflow,
} from '@commerce/contracts/inventory';
import type { StockChangeNotifier } from '../../ports/stock-change-notifier.js';

export interface TemporalStockChangeNotifierDeps {
  client: Client;
  /** Settings the projector starts with when this signal is the one that creates it. */
  settings: InventoryProjectorSettings;
  /** Defaults to INVENTORY_TASK_QUEUE; tests use their own queue. */
  taskQueue?: string;
  /** Defaults to INVENTORY_PROJECTOR_WORKFLOW_ID (one projector per namespace). */
  workflowId?: string;
}

/** The contract bound on SKUs per stockChanged signal. */
const MAX_SKUS_PER_SIGNAL = 5_000;

/** Signals the projector with the changed SKUs, starting it if it is not running (signal-with-start). */
export function createTemporalStockChangeNotifier(deps: TemporalStockChangeNotifierDeps): StockChangeNotifier {
  const { client, settings, taskQueue = INVENTORY_TASK_QUEUE, workflowId = INVENTORY_PROJECTOR_WORKFLOW_ID } = deps;
  return {
    async notifyStockChanged(skus) {
      const unique = [...new Set(skus)];
      for (let i = 0; i < unique.length; i += MAX_SKUS_PER_SIGNAL) {
        await client.workflow.signalWithStart<InventoryProjectorWorkflow, [{ skus: string[] }]>(INVENTORY_PROJECTOR_WORKFLOW, {
          workflowId,
          taskQueue,
          args: [{ settings }],
          signal: stockChangedSignal,
          signalArgs: [{ skus: unique.slice(i, i + MAX_SKUS_PER_SIGNAL) }],
        });
      }
    },
  };
}
