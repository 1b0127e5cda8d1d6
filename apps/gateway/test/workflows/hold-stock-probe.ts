// A test-only workflow that holds stock the way other domains do: through the inventory
// activity contract on the inventory task queue. Bundled by the test's own worker.
import { proxyActivities } from '@temporalio/workflow';
import {
  INVENTORY_TASK_QUEUE,
  type Hold,
  type HoldStockInput,
  type InventoryActivities,
} from '@commerce/contracts/inventory';

const { holdStock } = proxyActivities<InventoryActivities>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

export async function holdStockProbeWorkflow(input: HoldStockInput): Promise<Hold> {
  return await holdStock(input);
}
