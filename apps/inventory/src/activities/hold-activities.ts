import {
  HoldStockInputSchema,
  HoldTransitionInputSchema,
  RenewHoldInputSchema,
  ReopenHoldInputSchema,
} from '@commerce/contracts/inventory/schemas';
import type { Hold, HoldTransitionInput, InventoryActivities } from '@commerce/contracts/inventory';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';
import { requireValid, withInventoryFailures } from './inventory-failure.js';

type HoldActivities = Pick<
  InventoryActivities,
  'holdStock' | 'renewHold' | 'confirmHold' | 'allocateHold' | 'fulfillHold' | 'releaseHold' | 'reopenHold' | 'getHold'
>;

type Transition = 'confirm' | 'allocate' | 'fulfill' | 'release';

/** The hold lifecycle as activities. Each mutation tells the projector which SKUs changed. */
export function createHoldActivities(deps: InventoryActivityDeps): HoldActivities {
  const { stock, notifier } = deps;

  const transition = (name: Transition) =>
    withInventoryFailures(async (input: HoldTransitionInput): Promise<Hold> => {
      const valid = requireValid(HoldTransitionInputSchema, input, `${name} input`);
      const hold = await stock[name](valid, nowIso(deps));
      await notifier.notifyStockChanged(valid.skus ?? hold.lines.map((l) => l.sku));
      return hold;
    });

  return {
    holdStock: withInventoryFailures(async (input) => {
      const valid = requireValid(HoldStockInputSchema, input, 'hold input');
      const hold = await stock.hold(valid, nowIso(deps));
      await notifier.notifyStockChanged(valid.lines.map((l) => l.sku));
      return hold;
    }),
    renewHold: withInventoryFailures(async (input) => stock.renew(requireValid(RenewHoldInputSchema, input, 'renew input'), nowIso(deps))),
    confirmHold: transition('confirm'),
    allocateHold: transition('allocate'),
    fulfillHold: transition('fulfill'),
    releaseHold: transition('release'),
    reopenHold: withInventoryFailures(async (input) => {
      const valid = requireValid(ReopenHoldInputSchema, input, 'reopen input');
      const hold = await stock.reopen(valid, nowIso(deps));
      await notifier.notifyStockChanged(valid.skus ?? hold.lines.map((l) => l.sku));
      return hold;
    }),
    getHold: withInventoryFailures(async ({ holdId }) => stock.getHold(holdId)),
  };
}
