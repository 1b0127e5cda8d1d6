/*
 * StockRepository on Cassandra (production profile). Tables: infra/cassandra/cql/inventory/.
 *
 * THE PROTOCOL
 *
 * 1. One partition per SKU holds the truth about its units. Its static columns are the stock row
 *    (on_hand, available, held, confirmed, allocated, threshold, `version`); its clustering rows
 *    are the reservations of hold lines on that SKU (kind 'hold', ref = hold id: status,
 *    quantity, supplier, the hold revision it was held at) and applied-adjustment markers.
 *
 * 2. Every change of an SKU is ONE lightweight transaction on that partition, a compare-and-set
 *    on the version read:
 *        UPDATE stock SET <counters>, version = v+1, last_op, last_move … WHERE sku = ? IF version = v
 *    batched (same partition, so atomic and isolated) with the reservation row it changes, which
 *    is also conditioned on the values read. Counters and the reservations they sum can never
 *    disagree, so no oversell under any concurrency: the check (available ≥ requested) is made
 *    on the version the write is conditioned on. A lost race ([applied] = false) re-reads and
 *    re-plans with jittered exponential backoff, up to a bounded number of attempts; then
 *    StockContentionError, an ordinary (retryable) error, so Temporal retries the activity.
 *    Plans are the pure domain rules (planRehold, planHoldTransition, moveUnits,
 *    countersFromReservations) applied to what was read, hence idempotent: a retried call, or a
 *    re-plan after an unknown outcome (a timeout; settled by a SERIAL read of `last_op`), sees
 *    its own effect and does nothing more.
 *
 * 3. Multi-line holds and transitions touch several partitions, so they are applied line by
 *    line in SKU order (deterministic, so two multi-line holds meet in the same order). What can
 *    be refused from a first read is refused before anything is written (unknown SKU,
 *    insufficient stock, impossible transition). If a later line still fails with a business
 *    error (a race), the lines already applied are compensated — each with its own LWT,
 *    journaled — before the error is thrown. After an infrastructure error the hold is left
 *    partly applied: the activity is retried (set semantics make that converge) or the hold
 *    expires through step 4.
 *
 * 4. Crash safety: the intent is written before units move. `hold` first writes the hold header
 *    (LWT), the sweep's index entry (holds_by_expiry) and a line row with status 'pending' for
 *    each new line, and only then reserves units. A crash between the two leaves a pending line
 *    without a reservation (it does not exist for readers) or a reservation that its hold knows
 *    about and that expires with it — never units held by nobody. After the units moved, the
 *    line row is rewritten with the status reached; while the reservation exists it stays the
 *    truth. Terminal reservations (fulfilled / released / expired) and adjustment markers carry
 *    a TTL (the retention, default 30 days) so hot SKUs do not grow without bound; the hold's
 *    line row keeps the final status after that.
 *
 * 5. Expiry: the sweep reads due index entries, CLAIMS each due hold with an LWT on its header
 *    (revision r → r+1, expiring_rev = r+1), then expires the lines whose reservation was held
 *    at a revision below the claim. renew / hold move the expiry with an LWT on the same
 *    revision, so a renew racing the sweep either wins (the sweep then sees a future expiry) or
 *    is refused as expired; a line held again after a claim carries the newer revision and is
 *    left alone.
 *
 * 6. Journal: the LWT also stores the movement as `last_move`; after it applies, the movement is
 *    written (one logged batch) to stock_journal (by SKU), stock_journal_by_hold and
 *    stock_journal_by_time, together with the SKU's PREVIOUS movement (idempotent upsert). So a
 *    journal write lost to a crash is repaired by the SKU's next writer; `seq` is time-ordered
 *    and strictly increasing per SKU.
 *
 * 7. reconcile recomputes held / confirmed / allocated of each SKU from its reservation rows
 *    (one partition read, a consistent snapshot) and heals drift — which the protocol itself
 *    never creates; it guards against writes made behind the repository's back — with the same
 *    compare-and-set, journaled as `heal`.
 */
import type { Client } from 'cassandra-driver';
import type { StockLevel } from '@commerce/contracts/inventory';
import type { StockRepository } from '../../ports/stock-repository.js';
import { normalizeTimestamp } from '../normalize-timestamp.js';
import { createHoldExpiry } from './hold-expiry.js';
import { createHoldOperations } from './hold-operations.js';
import { createHoldRecords } from './hold-records.js';
import { mapLimit } from './map-limit.js';
import { createSkuListing } from './sku-listing.js';
import { createStockCas, DEFAULT_CAS_RETRY, type CasRetrySettings } from './stock-cas.js';
import { createStockJournal } from './stock-journal.js';
import { createStockMaintenance } from './stock-maintenance.js';
import { createStockPartitions, toStockLevel } from './stock-partition.js';

export interface CassandraStockRepositoryDeps {
  /** A client bound to the inventory keyspace (migrated by `migrateDomainKeyspace`). */
  client: Client;
  /** Compare-and-set retries (defaults: 60 attempts, 5 ms × 2^n full jitter capped at 400 ms). */
  retry?: Partial<CasRetrySettings>;
  /** How long terminal reservations and adjustment markers are kept (default 30 days). */
  retentionSeconds?: number;
  /** SKUs read or written at once by bulk operations (default 16). */
  parallelism?: number;
}

const THIRTY_DAYS = 30 * 24 * 3600;

export function createCassandraStockRepository(deps: CassandraStockRepositoryDeps): StockRepository {
  const { client, retentionSeconds = THIRTY_DAYS, parallelism = 16 } = deps;
  if (typeof client.keyspace !== 'string' || client.keyspace === '') {
    throw new Error('createCassandraStockRepository needs a client bound to the inventory keyspace');
  }
  const partitions = createStockPartitions(client);
  const journal = createStockJournal(client);
  const cas = createStockCas({ partitions, journal, retry: { ...DEFAULT_CAS_RETRY, ...deps.retry } });
  const records = createHoldRecords(client);
  const expiry = createHoldExpiry({ records, cas, retentionSeconds });
  const holds = createHoldOperations({ records, partitions, cas, expiry, retentionSeconds });
  const skus = createSkuListing(client, 'stock_skus');
  const maintenance = createStockMaintenance({ client, partitions, cas, journal, skus, retentionSeconds, parallelism });

  async function getLevels(list: readonly string[]): Promise<StockLevel[]> {
    const heads = await mapLimit([...new Set(list)], parallelism, (sku) => partitions.readHead(sku));
    return heads.flatMap((head) => (head === null ? [] : [toStockLevel(head)]));
  }

  async function countActive(sku: string): Promise<number> {
    const { entries } = await partitions.readPartition(sku, 'hold');
    return entries.filter((e) => e.status === 'held' || e.status === 'confirmed' || e.status === 'allocated').length;
  }

  return {
    initializeStock: (entries, now) => maintenance.initializeStock(entries, normalizeTimestamp(now)),
    hold: (input, now) => holds.hold(input, normalizeTimestamp(now)),
    renew: (input, now) => holds.renew(input, normalizeTimestamp(now)),
    confirm: (input, now) => holds.transition('confirm', input, normalizeTimestamp(now)),
    allocate: (input, now) => holds.transition('allocate', input, normalizeTimestamp(now)),
    fulfill: (input, now) => holds.transition('fulfill', input, normalizeTimestamp(now)),
    release: (input, now) => holds.transition('release', input, normalizeTimestamp(now)),
    reopen: (input, now) => holds.reopen(input, normalizeTimestamp(now)),
    adjust: (input, now) => maintenance.adjust(input, normalizeTimestamp(now)),
    receive: (input, now) => maintenance.receive(input, normalizeTimestamp(now)),
    expireDue: (now, limit) => expiry.expireDue(normalizeTimestamp(now), limit),
    reconcile: (only, now) => maintenance.reconcile(only, normalizeTimestamp(now)),
    getHold: (holdId) => holds.find(holdId),
    getLevel: async (sku) => {
      const head = await partitions.readHead(sku);
      return head === null ? null : toStockLevel(head);
    },
    getLevels,
    listLevels: async ({ afterSku = '', limit }) => {
      // A listed SKU whose stock row is missing (its creation died after listing it) is skipped.
      const levels: StockLevel[] = [];
      for (let after = afterSku; levels.length < limit; ) {
        const page = await skus.page(after, limit - levels.length);
        if (page.length === 0) break;
        levels.push(...(await getLevels(page)));
        after = page.at(-1) ?? after;
      }
      return levels.sort((a, b) => (a.sku < b.sku ? -1 : 1));
    },
    countActiveHolds: async (list) => {
      const unique = [...new Set(list)];
      const counts = await mapLimit(unique, parallelism, countActive);
      return Object.fromEntries(unique.flatMap((sku, i) => ((counts[i] ?? 0) > 0 ? [[sku, counts[i] ?? 0]] : [])));
    },
    readJournal: (query) => journal.read(query),
  };
}
