// The stock-hold workload of bench-holds: `holders` concurrent loops, each holding 1 unit of an SKU
// and releasing it again until the deadline, then a check that every hold was released and the
// stock of every SKU touched is back where it started with its invariant intact.
import { performance } from 'node:perf_hooks';
import type { StockRepository } from '../ports/stock-repository.js';
import { StockContentionError } from '../adapters/cassandra/stock-contention-error.js';

export interface HoldCaseOptions {
  stock: StockRepository;
  /** Names the hold ids, e.g. `contended`. */
  name: string;
  /** The SKUs of the case; holder h takes skus[(h + i) % skus.length] on its i-th hold. */
  skus: readonly string[];
  holders: number;
  seconds: number;
  /** On-hand each SKU was initialised with; `available` must be back to it afterwards. */
  openingOnHand: number;
}

export interface HoldCaseResult {
  name: string;
  skus: number;
  holders: number;
  /** Completed hold + release cycles. */
  holds: number;
  elapsedSeconds: number;
  holdsPerSecond: number;
  /** Latency of the hold() call alone. */
  holdMeanMs: number;
  holdP50Ms: number;
  holdP99Ms: number;
  /** hold() + release(). */
  cycleMeanMs: number;
  /** Cassandra only: calls retried after StockContentionError (the CAS retry budget ran out). */
  contentionRetries: number;
}

const MAX_CONTENTION_RETRIES = 20;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const now = (): string => new Date().toISOString();

export async function runHoldCase(options: HoldCaseOptions): Promise<HoldCaseResult> {
  const { stock, name, skus, holders, seconds } = options;
  const holdMs: number[] = [];
  const cycleMs: number[] = [];
  let contentionRetries = 0;

  // An ordinary error ends the run; only the Cassandra CAS budget running out is retried, as the
  // Temporal activity would be (hold and release are idempotent per hold id).
  const retrying = async <T>(op: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (error) {
        if (!(error instanceof StockContentionError) || attempt >= MAX_CONTENTION_RETRIES) throw error;
        contentionRetries++;
      }
    }
  };

  const started = performance.now();
  const deadline = started + seconds * 1000;
  const holder = async (h: number): Promise<void> => {
    for (let i = 0; performance.now() < deadline; i++) {
      const sku = skus[(h + i) % skus.length]!;
      const holdId = `bench:${name}:h${h}:${i}`;
      const t0 = performance.now();
      const held = await retrying(() =>
        stock.hold({ holdId, owner: `bench:holder-${h}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 3600 }, now()),
      );
      const t1 = performance.now();
      if (held.lines.length !== 1 || held.lines[0]!.status !== 'held' || held.lines[0]!.quantity !== 1) {
        throw new Error(`hold ${holdId} came back as ${JSON.stringify(held.lines)}`);
      }
      const released = await retrying(() => stock.release({ holdId }, now()));
      if (released.lines.some((line) => line.status !== 'released')) {
        throw new Error(`release ${holdId} came back as ${JSON.stringify(released.lines)}`);
      }
      holdMs.push(t1 - t0);
      cycleMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: holders }, (_, h) => holder(h)));
  const elapsedSeconds = (performance.now() - started) / 1000;

  await verifyReleased(stock, skus, options.openingOnHand, name);
  const sorted = [...holdMs].sort((a, b) => a - b);
  return {
    name,
    skus: skus.length,
    holders,
    holds: holdMs.length,
    elapsedSeconds,
    holdsPerSecond: holdMs.length / elapsedSeconds,
    holdMeanMs: mean(holdMs),
    holdP50Ms: percentile(sorted, 50),
    holdP99Ms: percentile(sorted, 99),
    cycleMeanMs: mean(cycleMs),
    contentionRetries,
  };
}

/** Throws listing every problem unless each SKU is back to its opening stock with nothing reserved. */
export async function verifyReleased(stock: StockRepository, skus: readonly string[], openingOnHand: number, name: string): Promise<void> {
  const problems: string[] = [];
  const levels = await stock.getLevels(skus);
  if (levels.length !== skus.length) problems.push(`expected ${skus.length} stock levels, read ${levels.length}`);
  for (const l of levels) {
    const reserved = l.available + l.held + l.confirmed + l.allocated;
    if (l.onHand !== reserved) problems.push(`${l.sku}: onHand ${l.onHand} ≠ available + held + confirmed + allocated = ${reserved}`);
    if (l.onHand !== openingOnHand) problems.push(`${l.sku}: onHand ${l.onHand}, opened with ${openingOnHand}`);
    if (l.available !== openingOnHand) problems.push(`${l.sku}: available ${l.available}, expected ${openingOnHand} after every release`);
    if (l.held + l.confirmed + l.allocated !== 0) problems.push(`${l.sku}: still reserved held=${l.held} confirmed=${l.confirmed} allocated=${l.allocated}`);
  }
  const active = await stock.countActiveHolds(skus);
  for (const [sku, n] of Object.entries(active)) if (n > 0) problems.push(`${sku}: ${n} holds still active`);
  if (problems.length > 0) throw new Error(`stock check after case ${name} failed:\n  ${problems.join('\n  ')}`);
}
