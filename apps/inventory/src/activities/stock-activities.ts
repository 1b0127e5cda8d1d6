import { AdjustStockInputSchema, DescribeSkusInputSchema, ReceiveStockInputSchema, SkuSchema } from '@commerce/contracts/inventory/schemas';
import { InventoryFailure, type InventoryActivities } from '@commerce/contracts/inventory';
import { InventoryError } from '../domain/inventory-error.js';
import { describeSkus } from '../domain/sku-description.js';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';
import { requireValid, withInventoryFailures } from './inventory-failure.js';

type StockActivities = Pick<InventoryActivities, 'adjustStock' | 'receiveStock' | 'getStockLevel' | 'describeSkus'>;

/** Admin stock adjustment, units received back (returns), stock reads and SKU descriptions. */
export function createStockActivities(deps: InventoryActivityDeps): StockActivities {
  const { stock, notifier, catalog } = deps;
  return {
    adjustStock: withInventoryFailures(async (input) => {
      const valid = requireValid(AdjustStockInputSchema, input, 'adjustment');
      const level = await stock.adjust(valid, nowIso(deps));
      await notifier.notifyStockChanged([valid.sku]);
      return level;
    }),
    receiveStock: withInventoryFailures(async (input) => {
      const valid = requireValid(ReceiveStockInputSchema, input, 'receipt');
      const level = await stock.receive(valid, nowIso(deps));
      await notifier.notifyStockChanged([valid.sku]);
      return level;
    }),
    getStockLevel: withInventoryFailures(async ({ sku }) => {
      const valid = requireValid(SkuSchema, sku, 'SKU');
      const level = await stock.getLevel(valid);
      if (!level) throw new InventoryError(InventoryFailure.UnknownSku, `unknown SKU ${valid}`, { sku: valid });
      return level;
    }),
    describeSkus: withInventoryFailures(async (input) => {
      const { skus } = requireValid(DescribeSkusInputSchema, input, 'describe input');
      return describeSkus(skus, await catalog.findProductsBySkus(skus));
    }),
  };
}
