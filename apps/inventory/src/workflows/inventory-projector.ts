import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import {
  projectorStatusQuery,
  stockChangedSignal,
  type InventoryActivities,
  type InventoryProjectorInput,
  type InventoryProjectorWorkflow,
  type ProjectorStats,
} from '@commerce/contracts/inventory';
import { DirtySkus } from '../domain/dirty-skus.js';
import { initialProjectorStats } from '../domain/projector-stats.js';

// Projection and sweeps must eventually succeed: retry without a limit, backing off to a minute.
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const { projectStock, expireHolds } = proxyActivities<InventoryActivities>({ startToCloseTimeout: '2 minutes', retry });
const { reconcileStock } = proxyActivities<InventoryActivities>({ startToCloseTimeout: '10 minutes', retry });

/**
 * The one long-running projector (SPEC §4.1). Stock mutations signal the SKUs they changed; the
 * projector lets rapid changes accumulate for `batchWindowMs`, then projects the dirty SKUs in
 * chunks. When no change arrives for `sweepIntervalMs` (or a sweep is overdue under constant
 * traffic) it expires stale holds and heals counter drift. It continues as new after
 * `maxSignalsPerRun` signals, carrying its dirty SKUs and statistics.
 */
export const inventoryProjectorWorkflow: InventoryProjectorWorkflow = async ({ settings, carried }: InventoryProjectorInput) => {
  const dirty = new DirtySkus(carried?.dirtySkus ?? []);
  const stats: ProjectorStats = { ...(carried?.stats ?? initialProjectorStats()) };
  let signalsThisRun = 0;
  let lastSweep = stats.lastSweepAt ? Date.parse(stats.lastSweepAt) : Date.now();

  setHandler(stockChangedSignal, ({ skus }) => {
    dirty.mark(skus);
    signalsThisRun++;
    stats.signalsReceived++;
  });
  setHandler(projectorStatusQuery, () => ({ stats, pendingSkus: dirty.size, signalsThisRun, settings }));

  const shouldContinueAsNew = (): boolean => signalsThisRun >= settings.maxSignalsPerRun || workflowInfo().continueAsNewSuggested;

  async function projectDirty(): Promise<void> {
    // Under sustained traffic the dirty set may never empty: stop to continue as new when due.
    while (dirty.size > 0 && !shouldContinueAsNew()) {
      const batch = dirty.take(settings.projectionBatchSize);
      await projectStock({ skus: [...batch.keys()] });
      dirty.settle(batch);
      stats.passes++;
      stats.skusProjected += batch.size;
      stats.lastPassAt = new Date().toISOString();
    }
  }

  async function sweep(): Promise<void> {
    const now = new Date().toISOString();
    const limit = settings.projectionBatchSize;
    for (;;) {
      const expired = await expireHolds({ now, limit });
      dirty.mark(expired.skus);
      stats.holdsExpired += expired.holdsExpired;
      if (expired.holdsExpired < limit) break;
    }
    const reconciled = await reconcileStock({});
    dirty.mark(reconciled.healed.map((h) => h.sku));
    stats.driftHealed += reconciled.healed.length;
    if (reconciled.healed.length > 0) log.warn('stock drift healed', { healed: reconciled.healed.length });
    stats.sweeps++;
    stats.lastSweepAt = now;
    lastSweep = Date.parse(now);
  }

  while (!shouldContinueAsNew()) {
    const untilSweep = Math.max(0, lastSweep + settings.sweepIntervalMs - Date.now());
    const changed = untilSweep > 0 && (await condition(() => dirty.size > 0 || shouldContinueAsNew(), untilSweep));
    if (shouldContinueAsNew()) break;
    if (changed) {
      if (settings.batchWindowMs > 0) await sleep(settings.batchWindowMs);
      await projectDirty();
    } else {
      await sweep();
    }
  }

  await condition(allHandlersFinished);
  await continueAsNew<InventoryProjectorWorkflow>({
    settings,
    carried: { dirtySkus: dirty.toArray(), stats: { ...stats, runs: stats.runs + 1 } },
  });
};
