import type { CartCarryOver } from '@commerce/contracts/cart';

export type RecentUpdate = CartCarryOver['recentUpdates'][number];

/**
 * The ring of recent update ids (newest last) that the cart carries across continue-as-new: an
 * update id seen before answers the current cart instead of applying again.
 */
export function findRecentUpdate(recent: readonly RecentUpdate[], id: string | undefined): RecentUpdate | undefined {
  if (id === undefined) return undefined;
  return recent.find((u) => u.id === id);
}

/** The ring with `id` remembered (moved to the newest place if known), at most `max` entries. */
export function rememberUpdate(recent: readonly RecentUpdate[], id: string, version: number, max: number): RecentUpdate[] {
  const next = [...recent.filter((u) => u.id !== id), { id, version }];
  return next.length > max ? next.slice(next.length - max) : next;
}
