import { ApplicationFailure } from '@temporalio/common';
import {
  InventoryFailure,
  type Hold,
  type InventoryActivities,
} from '@commerce/contracts/inventory';

export type TestInventoryActivities = Pick<
  InventoryActivities,
  'holdStock' | 'confirmHold' | 'releaseHold' | 'reopenHold' | 'getHold'
>;

const ACTIVE = ['held', 'confirmed', 'allocated'];

/**
 * A small stand-in for the inventory domain's hold activities, registered on the real `inventory`
 * queue of a test namespace: stock per SKU, holds with line statuses (all-or-nothing holds, set
 * semantics on retries, idempotent confirm / release / reopen, confirm and reopen refusing lines
 * that cannot move like the real table does), an injectable run of release failures,
 * and a check that no unit was created or lost.
 */
export function createTestInventory(stock: Record<string, number>) {
  const initial = new Map(Object.entries(stock));
  const available = new Map(initial);
  const holds = new Map<string, Hold>();
  const releaseFailures = new Map<string, number>();
  const calls: string[] = [];
  const now = () => new Date().toISOString();
  const fail = (type: string, message: string) =>
    ApplicationFailure.create({ type, message, nonRetryable: true });
  const find = (holdId: string): Hold => {
    const hold = holds.get(holdId);
    if (!hold) throw fail(InventoryFailure.HoldNotFound, `no hold ${holdId}`);
    return hold;
  };

  /** Runs a synchronous stand-in as an activity (a throw becomes a rejection). */
  const activity =
    <I, O>(fn: (input: I) => O) =>
    (input: I): Promise<O> =>
      Promise.resolve(input).then(fn);

  const activities: TestInventoryActivities = {
    holdStock: activity((input: Parameters<TestInventoryActivities['holdStock']>[0]) => {
      calls.push(`holdStock ${input.holdId}`);
      const existing = holds.get(input.holdId);
      if (existing?.lines.some((l) => ACTIVE.includes(l.status))) return existing;
      for (const line of input.lines) {
        const free = available.get(line.sku);
        if (free === undefined) throw fail(InventoryFailure.UnknownSku, `unknown SKU ${line.sku}`);
        if (free < line.quantity)
          throw fail(InventoryFailure.InsufficientStock, `only ${free} of ${line.sku} available`);
      }
      for (const line of input.lines)
        available.set(line.sku, (available.get(line.sku) ?? 0) - line.quantity);
      const hold: Hold = {
        holdId: input.holdId,
        owner: input.owner,
        lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, status: 'held' })),
        expiresAt: new Date(Date.now() + input.ttlSeconds * 1000).toISOString(),
        createdAt: now(),
        updatedAt: now(),
      };
      holds.set(input.holdId, hold);
      return hold;
    }),
    confirmHold: activity(({ holdId, skus }: { holdId: string; skus?: string[] }) => {
      calls.push(`confirmHold ${holdId}${skus ? ` ${skus.join(',')}` : ''}`);
      const hold = find(holdId);
      const targets = hold.lines.filter((l) => skus === undefined || skus.includes(l.sku));
      for (const line of targets) {
        if (line.status === 'expired')
          throw fail(InventoryFailure.HoldExpired, `hold ${holdId} expired`);
        if (!['held', 'confirmed', 'allocated', 'fulfilled'].includes(line.status))
          throw fail(
            InventoryFailure.InvalidHoldTransition,
            `cannot confirm a line that is ${line.status}`,
          );
      }
      for (const line of targets) if (line.status === 'held') line.status = 'confirmed';
      return hold;
    }),
    reopenHold: activity((input: Parameters<TestInventoryActivities['reopenHold']>[0]) => {
      calls.push(`reopenHold ${input.holdId}${input.skus ? ` ${input.skus.join(',')}` : ''}`);
      const hold = find(input.holdId);
      const targets = hold.lines.filter(
        (l) => input.skus === undefined || input.skus.includes(l.sku),
      );
      for (const line of targets) {
        if (line.status === 'expired')
          throw fail(InventoryFailure.HoldExpired, `hold ${input.holdId} expired`);
        if (line.status !== 'held' && line.status !== 'confirmed')
          throw fail(
            InventoryFailure.InvalidHoldTransition,
            `cannot reopen a line that is ${line.status}`,
          );
      }
      for (const line of targets) line.status = 'held';
      hold.expiresAt = new Date(Date.now() + input.ttlSeconds * 1000).toISOString();
      return hold;
    }),
    releaseHold: activity(({ holdId, skus }: { holdId: string; skus?: string[] }) => {
      calls.push(`releaseHold ${holdId}`);
      const failures = releaseFailures.get(holdId) ?? 0;
      if (failures > 0) {
        releaseFailures.set(holdId, failures - 1);
        throw new Error(`inventory store unavailable (release of ${holdId})`);
      }
      const hold = find(holdId);
      for (const line of hold.lines) {
        if ((skus === undefined || skus.includes(line.sku)) && ACTIVE.includes(line.status)) {
          line.status = 'released';
          available.set(line.sku, (available.get(line.sku) ?? 0) + line.quantity);
        }
      }
      return hold;
    }),
    getHold: activity(({ holdId }: { holdId: string }) => {
      calls.push(`getHold ${holdId}`);
      return holds.get(holdId) ?? null;
    }),
  };

  return {
    activities,
    holds,
    available,
    calls,
    /** The next `count` releases of this hold fail (a retryable error). */
    failReleases(holdId: string, count: number) {
      releaseFailures.set(holdId, count);
    },
    /** Line statuses of a hold, by SKU. */
    statuses(holdId: string): Record<string, string> {
      return Object.fromEntries((holds.get(holdId)?.lines ?? []).map((l) => [l.sku, l.status]));
    },
    /** Every SKU's units: available + reserved by active hold lines = the opening stock. */
    assertConserved() {
      for (const [sku, opening] of initial) {
        const reserved = [...holds.values()]
          .flatMap((h) => h.lines)
          .filter((l) => l.sku === sku && ACTIVE.includes(l.status));
        const total = (available.get(sku) ?? 0) + reserved.reduce((sum, l) => sum + l.quantity, 0);
        if (total !== opening)
          throw new Error(`SKU ${sku}: ${total} units accounted for, ${opening} expected`);
      }
    },
  };
}

export type TestInventory = ReturnType<typeof createTestInventory>;
