import { AdjustStockInputSchema, SkuSchema } from '@commerce/contracts/inventory/schemas';
import { InventoryFailure, type InventoryActivities } from '@commerce/contracts/inventory';
import { InventoryError } from '../domain/inventory-error.js';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';
import { requireValid, withInventoryFailures } from './inventory-failure.js';

type StockActivities = Pick<InventoryActivities, 'adjustStock' | 'getStockLevel'>;

/** Admin stock adjustment and stock reads. */
export function createStockActivities(deps: InventoryActivityDeps): StockActivities {
  const { stock, notifier } = deps;
  return {
    adjustStock: withInventoryFailures(async (input) => {
      const valid = requireValid(AdjustStockInputSchema, input, 'adjustment');
      const level = await stock.adjust(valid, nowIso(deps));
      await notifier.notifyStockChanged([valid.sku]);
      return level;
    }),
    getStockLevel: withInventoryFailures(async ({ sku }) => {
      const valid = requireValid(SkuSchema, sku, 'SKU');
      const level = await stock.getLevel(valid);
      if (!level) throw new InventoryError(InventoryFailure.UnknownSku, `unknown SKU ${valid}`, { sku: valid });
      return level;
    }),
  };
}
