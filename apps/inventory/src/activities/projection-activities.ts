import type { InventoryActivities } from '@commerce/contracts/inventory';
import type { InventoryActivityDeps } from './activity-deps.js';
import { withInventoryFailures } from './inventory-failure.js';
import { createStockProjection } from './stock-projection.js';

/** The projector's write to the read side. */
export function createProjectionActivities(deps: InventoryActivityDeps): Pick<InventoryActivities, 'projectStock'> {
  const project = createStockProjection(deps);
  return { projectStock: withInventoryFailures(async ({ skus }) => project(skus)) };
}
