import type { InventoryActivities } from '@commerce/contracts/inventory';
import type { InventoryActivityDeps } from './activity-deps.js';
import { createCatalogImportActivities } from './catalog-import-activities.js';
import { createHoldActivities } from './hold-activities.js';
import { createProjectionActivities } from './projection-activities.js';
import { createStockActivities } from './stock-activities.js';
import { createSweepActivities } from './sweep-activities.js';

export type { InventoryActivityDeps } from './activity-deps.js';

/** Every activity the inventory worker registers on its task queue. */
export function createInventoryActivities(deps: InventoryActivityDeps) {
  return {
    ...createHoldActivities(deps),
    ...createStockActivities(deps),
    ...createSweepActivities(deps),
    ...createProjectionActivities(deps),
    ...createCatalogImportActivities(deps),
  } satisfies InventoryActivities;
}
