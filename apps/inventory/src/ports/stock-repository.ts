import type {
  AdjustStockInput,
  ExpireHoldsResult,
  Hold,
  HoldStockInput,
  HoldTransitionInput,
  ReceiveStockInput,
  ReconcileStockResult,
  RenewHoldInput,
  ReopenHoldInput,
  StockLevel,
  StockMovement,
} from '@commerce/contracts/inventory';

/** Opening stock of an SKU, applied only when the SKU has no stock yet. */
export interface OpeningStock {
  sku: string;
  onHand: number;
  lowStockThreshold: number;
}

export interface JournalQuery {
  sku?: string;
  holdId?: string;
  /** Only movements with a greater sequence number. */
  afterSeq?: number;
  /** Default 1,000. */
  limit?: number;
}

export interface PageQuery {
  afterSku?: string;
  limit: number;
}

/**
 * Stock per SKU and the holds on it (the write model). Every mutation is atomic: it applies all
 * of its lines or none, keeps onHand = available + held + confirmed + allocated, and journals
 * every movement. `now` is an ISO-8601 timestamp supplied by the caller. Failures are
 * InventoryError with a contract failure type. Adapters: SQLite (embedded), Cassandra (production).
 */
export interface StockRepository {
  /** Creates stock for SKUs that have none (journaled as `receive`); existing SKUs are untouched. Returns the SKUs created. */
  initializeStock(entries: readonly OpeningStock[], now: string): Promise<string[]>;
  /** Set semantics per (holdId, sku); see HoldStockInput. InsufficientStock / UnknownSku / HoldConflict. */
  hold(input: HoldStockInput, now: string): Promise<Hold>;
  /** Moves the expiry to now + ttl. HoldNotFound / HoldExpired. */
  renew(input: RenewHoldInput, now: string): Promise<Hold>;
  confirm(input: HoldTransitionInput, now: string): Promise<Hold>;
  allocate(input: HoldTransitionInput, now: string): Promise<Hold>;
  /** Fulfilled units leave on-hand. */
  fulfill(input: HoldTransitionInput, now: string): Promise<Hold>;
  release(input: HoldTransitionInput, now: string): Promise<Hold>;
  /**
   * Confirmed lines (all, or the named SKUs) back to held, and the hold's expiry to now + ttl, in
   * one atomic step (journaled as `reopen`). Held lines: only the expiry moves (a retry). Expired
   * lines → HoldExpired; released / allocated / fulfilled → InvalidHoldTransition. HoldNotFound.
   */
  reopen(input: ReopenHoldInput, now: string): Promise<Hold>;
  /** Sets on-hand; idempotent per adjustmentId. StockBelowReserved / UnknownSku. */
  adjust(input: AdjustStockInput, now: string): Promise<StockLevel>;
  /**
   * Adds `quantity` units to on-hand and available (journaled as `receive`); idempotent per
   * (receiptId, sku): a retry returns the current level without adding again, the same id and SKU
   * with another quantity is InvalidInput. UnknownSku.
   */
  receive(input: ReceiveStockInput, now: string): Promise<StockLevel>;
  /** Expires the held lines of at most `limit` holds whose expiry is not after `now`. */
  expireDue(now: string, limit: number): Promise<ExpireHoldsResult>;
  /** Recomputes the reserved counters from the hold lines (all SKUs when `skus` is absent) and heals drift. */
  reconcile(skus: readonly string[] | undefined, now: string): Promise<ReconcileStockResult>;
  getHold(holdId: string): Promise<Hold | null>;
  getLevel(sku: string): Promise<StockLevel | null>;
  /** Levels of the SKUs that have stock, in no particular order. */
  getLevels(skus: readonly string[]): Promise<StockLevel[]>;
  /** All levels in SKU order, a page at a time. */
  listLevels(page: PageQuery): Promise<StockLevel[]>;
  /** Per SKU, how many holds have a held / confirmed / allocated line on it (SKUs without any are absent). */
  countActiveHolds(skus: readonly string[]): Promise<Record<string, number>>;
  readJournal(query: JournalQuery): Promise<StockMovement[]>;
}
