import type { ExpireHoldsResult } from '@commerce/contracts/inventory';
import { isPastExpiry, planHoldTransition } from '../../domain/hold-transitions.js';
import { bucketOf, moveUnits } from '../../domain/stock-counters.js';
import { recordOf, type LineState } from './hold-lines.js';
import { isClaimedForExpiry, type HoldRecords } from './hold-records.js';
import type { StockCas } from './stock-cas.js';

/** Header races (the owner's call against the sweep) settle in a few rounds; more means trouble. */
export const HEADER_ROUNDS = 8;

export interface HoldExpiryDeps {
  records: HoldRecords;
  cas: StockCas;
  retentionSeconds: number;
}

/**
 * Expiry of holds. A due hold is first CLAIMED (a lightweight transaction on its header that
 * records the revision), then each of its held lines whose reservation was held before the claim
 * expires in its own stock transaction. The claim serialises the sweep with renew (a renew after
 * the claim is refused as expired) and the line revision with a re-hold (a line held again after
 * the claim carries a newer revision and is left alone).
 */
export function createHoldExpiry({ records, cas, retentionSeconds }: HoldExpiryDeps) {
  /** Expires the held lines of a hold that is due at `now`; returns the SKUs it touched (empty: nothing expired). */
  async function expireHold(holdId: string, now: string): Promise<{ due: boolean; skus: string[] }> {
    for (let round = 0; round < HEADER_ROUNDS; round++) {
      const loaded = await records.read(holdId);
      if (loaded === null) return { due: false, skus: [] };
      const { header } = loaded;
      let claimRev = header.revision;
      if (!isClaimedForExpiry(header)) {
        if (!isPastExpiry(header.expiresAt, now)) return { due: false, skus: [] };
        if (!(await records.claimForExpiry(holdId, header.revision, now))) continue;
        claimRev = header.revision + 1;
      }
      const expired: LineState[] = [];
      for (const line of loaded.lines) {
        const { result } = await cas.change(line.sku, { entry: { kind: 'hold', ref: holdId } }, now, ({ entry }) => {
          // Only lines held before the claim; anything else moved on or was held afresh since.
          if (entry === null || entry.status !== 'held' || (entry.holdRev ?? 0) >= claimRev) return { result: null };
          const plan = planHoldTransition('held', 'expire');
          if (plan.kind !== 'apply') return { result: null };
          const state: LineState = { sku: line.sku, quantity: entry.quantity, status: plan.to, supplierId: entry.supplierId };
          return {
            result: state,
            deltas: moveUnits(bucketOf(plan.from), bucketOf(plan.to), entry.quantity),
            entry: { next: { status: plan.to, quantity: entry.quantity, supplierId: entry.supplierId, holdRev: entry.holdRev }, ttlSeconds: retentionSeconds },
            movement: { type: 'expire', holdId, quantity: entry.quantity },
          };
        });
        if (result !== null) expired.push(result);
      }
      await records.writeLines(holdId, expired.map(recordOf), now);
      return { due: true, skus: expired.map((l) => l.sku) };
    }
    throw new Error(`hold ${holdId} kept changing while it was being expired; try again`);
  }

  /**
   * Expires the held lines of at most `limit` holds due at `now`, found through holds_by_expiry
   * (earliest first). Each visited index entry is removed: its hold is expired, or was renewed /
   * settled (a stale entry). Holds visited without a held line left do not count.
   */
  async function expireDue(now: string, limit: number): Promise<ExpireHoldsResult> {
    const skus = new Set<string>();
    let holdsExpired = 0;
    for (;;) {
      const entries = await records.due(now, limit);
      for (const entry of entries) {
        if (holdsExpired >= limit) break;
        const outcome = await expireHold(entry.holdId, now);
        if (outcome.skus.length > 0) holdsExpired++;
        for (const sku of outcome.skus) skus.add(sku);
        await records.removeExpiry(entry.holdId, entry.expiresAt);
      }
      if (holdsExpired >= limit || entries.length < limit) break;
    }
    return { holdsExpired, skus: [...skus] };
  }

  return { expireHold, expireDue };
}

export type HoldExpiry = ReturnType<typeof createHoldExpiry>;
