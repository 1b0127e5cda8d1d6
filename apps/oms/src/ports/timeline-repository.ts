import type { TimelineEntry } from '@commerce/contracts/oms';

/**
 * The order's status history: append-only, ordered by `seq`. Appending is idempotent per
 * (orderId, seq): an entry whose seq is already stored is left exactly as it was (never
 * overwritten), so a retried or replayed append changes nothing.
 */
export interface TimelineRepository {
  append(orderId: string, entries: readonly TimelineEntry[]): Promise<void>;
  /** Every entry of the order, seq ascending. */
  list(orderId: string): Promise<TimelineEntry[]>;
}
