import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { isInventoryError } from '../../src/domain/inventory-error.js';
import type { StockRepository } from '../../src/ports/stock-repository.js';
import { assertStockInvariant } from '../contract/assert-stock-invariant.js';
import type { RaceStore } from './race-store.js';

interface Outcome {
  contender: string;
  granted: number;
  insufficient: number;
  other: string[];
  holdMs: number[];
}

const CHILD = fileURLToPath(new URL('./hold-race-child.ts', import.meta.url));
const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Contender {
  ready: Promise<void>;
  go(): void;
  outcome: Promise<Outcome>;
}

function startContender(args: string[]): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: APP_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const outcome = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Outcome);
      else reject(new Error(`contender ${args[2]} exited with ${code}: ${err}`));
    });
  });
  return { ready, outcome, go: () => child.stdin.end('go\n') };
}

export interface HoldRaceOptions {
  /** The store the child processes connect to (each with its own connection). */
  store: RaceStore;
  /** This process's repository for setup and checks. */
  repo: StockRepository;
  /** Another connection of this process, for the in-process contenders. */
  local: StockRepository;
  sku: string;
  processes: number;
  attemptsPerProcess: number;
  inProcessAttempts: number;
  /** Units left for the race (on-hand 40, the rest held before it starts). */
  available: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Many processes (and concurrent calls in this one) hold one unit each of the last units of one
 * SKU, all starting on the same `go`. Asserts exactly `available` holds were granted, the rest
 * refused with InsufficientStock, the counters and the journal agree; returns a one-line summary.
 */
export async function runHoldRace(o: HoldRaceOptions): Promise<string> {
  const onHand = 40;
  const now = () => new Date().toISOString();
  await o.repo.initializeStock([{ sku: o.sku, onHand, lowStockThreshold: 0 }], now());
  await o.repo.hold({ holdId: 'earlier', owner: 'someone', lines: [{ sku: o.sku, quantity: onHand - o.available }], ttlSeconds: 600 }, now());

  const contenders = Array.from({ length: o.processes }, (_, i) =>
    startContender([JSON.stringify(o.store), o.sku, `p${i}`, String(o.attemptsPerProcess)]),
  );
  await Promise.all(contenders.map((c) => c.ready));
  const started = Date.now();
  for (const c of contenders) c.go();
  const localMs: number[] = [];
  const inProcess = await Promise.allSettled(
    Array.from({ length: o.inProcessAttempts }, async (_, i) => {
      // Spread the in-process attempts over the children's burst.
      await new Promise((resolve) => setTimeout(resolve, i * 3));
      const t = Date.now();
      try {
        return await o.local.hold({ holdId: `race:local:${i}`, owner: 'race:local', lines: [{ sku: o.sku, quantity: 1 }], ttlSeconds: 600 }, now());
      } finally {
        localMs.push(Date.now() - t);
      }
    }),
  );
  const outcomes = await Promise.all(contenders.map((c) => c.outcome));
  const wallMs = Date.now() - started;

  const localGranted = inProcess.filter((r) => r.status === 'fulfilled').length;
  const localRefused = inProcess.filter(
    (r) => r.status === 'rejected' && isInventoryError(r.reason) && r.reason.type === InventoryFailure.InsufficientStock,
  ).length;
  const localOther = inProcess.flatMap((r) =>
    r.status === 'rejected' && !(isInventoryError(r.reason) && r.reason.type === InventoryFailure.InsufficientStock) ? [String(r.reason)] : [],
  );
  const granted = outcomes.reduce((sum, oc) => sum + oc.granted, localGranted);
  const refused = outcomes.reduce((sum, oc) => sum + oc.insufficient, localRefused);
  const attempts = o.processes * o.attemptsPerProcess + o.inProcessAttempts;
  const latencies = [...outcomes.flatMap((oc) => oc.holdMs), ...localMs].sort((a, b) => a - b);

  expect([...outcomes.flatMap((oc) => oc.other), ...localOther]).toEqual([]);
  expect(granted).toBe(o.available);
  expect(refused).toBe(attempts - o.available);
  expect(await o.repo.getLevel(o.sku)).toMatchObject({ onHand, available: 0, held: onHand });
  expect((await o.repo.readJournal({ sku: o.sku })).filter((m) => m.type === 'hold')).toHaveLength(o.available + 1);
  await assertStockInvariant(o.repo);

  return (
    `${o.processes} processes × ${o.attemptsPerProcess} + ${o.inProcessAttempts} in-process attempts on ${o.available} units → ` +
    `granted ${granted}, InsufficientStock ${refused} in ${wallMs} ms; per process ${outcomes.map((oc) => oc.granted).join('/')}, ` +
    `in-process ${localGranted}; hold call p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1) ?? 0} ms`
  );
}
