// A closed-loop load generator: `concurrency` callers each run `call` back to back until the
// duration is over; every call's latency is measured with performance.now().
import { performance } from 'node:perf_hooks';
import { median } from './stats.js';

export interface LoopResult {
  completed: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
  firstError: string | undefined;
}

export async function closedLoop(options: {
  concurrency: number;
  seconds: number;
  /** `caller` (0 … concurrency-1) is the loop making the call: its calls never overlap. */
  call: (sequence: number, caller: number) => Promise<void>;
}): Promise<LoopResult> {
  const { concurrency, seconds, call } = options;
  const latenciesMs: number[] = [];
  let failed = 0;
  let sequence = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, caller) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await call(sequence++, caller);
          latenciesMs.push(performance.now() - t0);
        } catch (err) {
          failed++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    }),
  );
  return { completed: latenciesMs.length, failed, seconds: (performance.now() - started) / 1000, latenciesMs, firstError };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface LoopSummary {
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
  completed: number;
  failed: number;
}

export function summarizeLoop(r: LoopResult): LoopSummary {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(sorted.length, 1);
  return { perSecond: r.completed / r.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, completed: r.completed, failed: r.failed };
}

/** The median of each figure over several rounds (counts are summed). */
export function medianSummary(rows: readonly LoopSummary[]): LoopSummary {
  const m = (pick: (r: LoopSummary) => number): number => median(rows.map(pick));
  return {
    perSecond: m((r) => r.perSecond),
    p50: m((r) => r.p50),
    p99: m((r) => r.p99),
    mean: m((r) => r.mean),
    completed: rows.reduce((n, r) => n + r.completed, 0),
    failed: rows.reduce((n, r) => n + r.failed, 0),
  };
}
