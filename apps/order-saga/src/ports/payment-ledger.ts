import type { LedgerEntry } from '@commerce/contracts/order-saga';

export interface AppendLedgerEntry {
  orderId: string;
  /** One per operation of the order (see ledgerKeys): a second append with it returns the first entry. */
  idempotencyKey: string;
  /**
   * The entry to write, decided from the order's entries (oldest first) at the moment of the
   * append; throws (e.g. a PaymentError) to refuse, and nothing is written. Pure and synchronous:
   * an adapter may call it again when a concurrent append of the same order won the race.
   */
  decide: (entries: readonly LedgerEntry[]) => LedgerEntry;
}

export interface AppendedLedgerEntry {
  entry: LedgerEntry;
  /** False when the idempotency key already had an entry (a retry): `entry` is that one. */
  created: boolean;
}

/**
 * The payments ledger: every authorization, decline, capture, void and refund, per order, in the
 * order they happened. Appends of one order are serialised (SQLite: one IMMEDIATE transaction;
 * Cassandra: a lightweight transaction on the order's partition), so a rule checked by `decide`
 * holds when the entry is written and an idempotency key never gets two entries, even when two
 * processes append at once. Adapters: SQLite (embedded), Cassandra (production).
 */
export interface PaymentLedgerRepository {
  append(request: AppendLedgerEntry): Promise<AppendedLedgerEntry>;
  /** The order's entries, oldest first (empty for an unknown order). */
  list(orderId: string): Promise<LedgerEntry[]>;
}
