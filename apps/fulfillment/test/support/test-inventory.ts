import { ApplicationFailure } from '@temporalio/common';
import {
  InventoryFailure,
  type Hold,
  type HoldStatus,
  type HoldTransitionInput,
  type InventoryActivities,
} from '@commerce/contracts/inventory';

type Action = 'allocate' | 'fulfill' | 'release';

/** Inventory's rules for these transitions (apps/inventory domain/hold-transitions.ts). */
const RULES: Record<Action, { to: HoldStatus; from: HoldStatus[]; alreadyApplied: HoldStatus[] }> =
  {
    allocate: { to: 'allocated', from: ['confirmed'], alreadyApplied: ['allocated', 'fulfilled'] },
    fulfill: { to: 'fulfilled', from: ['allocated'], alreadyApplied: ['fulfilled'] },
    release: {
      to: 'released',
      from: ['held', 'confirmed', 'allocated'],
      alreadyApplied: ['released', 'expired'],
    },
  };

export interface TestInventory {
  /** allocateHold / fulfillHold / releaseHold, as a stand-in for inventory's worker. */
  activities: Pick<InventoryActivities, 'allocateHold' | 'fulfillHold' | 'releaseHold'>;
  /** Creates a hold whose lines are confirmed (what the saga hands to OMS). */
  confirmedHold(holdId: string, skus: string[]): void;
  /** The status of each line of a hold. */
  statuses(holdId: string): Record<string, HoldStatus>;
  /** Every call, in order: `allocate:SKU-A,SKU-B` etc. */
  calls(holdId: string): string[];
}

/**
 * A small in-memory implementation of inventory's hold transitions with inventory's rules: a
 * retry of an applied transition is a no-op, anything else out of order is a non-retryable
 * InvalidHoldTransitionError, an unknown hold HoldNotFoundError.
 */
export function createTestInventory(): TestInventory {
  const holds = new Map<
    string,
    Map<string, { quantity: number; status: HoldStatus; supplierId?: string }>
  >();
  const calls = new Map<string, string[]>();
  const at = '2030-01-01T00:00:00.000Z';

  const transition =
    (action: Action) =>
    (input: HoldTransitionInput): Promise<Hold> => {
      calls.set(input.holdId, [
        ...(calls.get(input.holdId) ?? []),
        `${action}:${(input.skus ?? []).join(',')}`,
      ]);
      const lines = holds.get(input.holdId);
      if (lines === undefined) {
        return Promise.reject(
          ApplicationFailure.create({
            type: InventoryFailure.HoldNotFound,
            message: `no hold ${input.holdId}`,
            nonRetryable: true,
          }),
        );
      }
      const skus = input.skus ?? [...lines.keys()];
      const rule = RULES[action];
      for (const sku of skus) {
        const line = lines.get(sku);
        if (
          line === undefined ||
          !(rule.from.includes(line.status) || rule.alreadyApplied.includes(line.status))
        ) {
          return Promise.reject(
            ApplicationFailure.create({
              type: InventoryFailure.InvalidHoldTransition,
              message: `cannot ${action} ${sku} (${line?.status ?? 'absent'})`,
              nonRetryable: true,
            }),
          );
        }
      }
      for (const sku of skus) {
        const line = lines.get(sku);
        if (line !== undefined && rule.from.includes(line.status)) {
          line.status = rule.to;
          if (input.supplierId !== undefined) line.supplierId = input.supplierId;
        }
      }
      return Promise.resolve({
        holdId: input.holdId,
        owner: `order:${input.holdId}`,
        lines: [...lines.entries()].map(([sku, line]) => ({ sku, ...line })),
        expiresAt: at,
        createdAt: at,
        updatedAt: at,
      });
    };

  return {
    activities: {
      allocateHold: transition('allocate'),
      fulfillHold: transition('fulfill'),
      releaseHold: transition('release'),
    },
    confirmedHold(holdId, skus) {
      holds.set(holdId, new Map(skus.map((sku) => [sku, { quantity: 1, status: 'confirmed' }])));
    },
    statuses(holdId) {
      return Object.fromEntries(
        [...(holds.get(holdId)?.entries() ?? [])].map(([sku, line]) => [sku, line.status]),
      );
    },
    calls: (holdId) => calls.get(holdId) ?? [],
  };
}
