import type { InventoryActivities } from '@commerce/contracts/inventory';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';
import { withInventoryFailures } from './inventory-failure.js';

type SweepActivities = Pick<InventoryActivities, 'expireHolds' | 'reconcileStock'>;

/**
 * The projector's periodic sweep. These do not notify the projector: it called them and marks
 * the returned SKUs dirty itself.
 */
export function createSweepActivities(deps: InventoryActivityDeps): SweepActivities {
  const { stock } = deps;
  return {
    expireHolds: withInventoryFailures(async ({ now, limit }) => stock.expireDue(now, Math.max(1, Math.trunc(limit)))),
    reconcileStock: withInventoryFailures(async ({ skus }) => stock.reconcile(skus, nowIso(deps))),
  };
}
