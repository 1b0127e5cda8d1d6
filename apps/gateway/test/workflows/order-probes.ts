// Test-only workflows that read what the end-to-end order tests check, through the domains' own
// activity contracts on their real task queues (never their tables): the payments ledger of an
// order (order-saga), stock levels and holds (inventory). Bundled by the test's probe worker.
import { proxyActivities } from '@temporalio/workflow';
import {
  INVENTORY_TASK_QUEUE,
  type Hold,
  type InventoryActivities,
  type StockLevel,
} from '@commerce/contracts/inventory';
import {
  ORDER_SAGA_TASK_QUEUE,
  type LedgerEntry,
  type PaymentActivities,
} from '@commerce/contracts/order-saga';

const payments = proxyActivities<PaymentActivities>({
  taskQueue: ORDER_SAGA_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 ms' },
});
const inventory = proxyActivities<InventoryActivities>({
  taskQueue: INVENTORY_TASK_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 ms' },
});

export async function ledgerProbeWorkflow(input: { orderId: string }): Promise<LedgerEntry[]> {
  return await payments.listLedger(input);
}

export async function stockProbeWorkflow(input: { skus: string[] }): Promise<StockLevel[]> {
  return await Promise.all(input.skus.map((sku) => inventory.getStockLevel({ sku })));
}

export async function holdProbeWorkflow(input: { holdId: string }): Promise<Hold | null> {
  return await inventory.getHold(input);
}
