// What the gateway-vs-floor benchmarks share: the embedded platform on free loopback ports with a
// throwaway data folder, a raw Temporal client on the same server, an in-process worker serving the
// floor workflow, alternating closed-loop rounds, and SKUs stocked so a run never sells out.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import type { ProductSearchResult } from '@commerce/contracts/inventory';
import { loadDevStackConfig, startStack } from '@commerce/dev-stack';
import { findFreePort } from '@commerce/process-kit';
import { closedLoop, medianSummary, summarizeLoop, type LoopSummary } from './closed-loop.js';
import { fixed, ratio, tableHeader, tableRow, type Column } from './stats.js';

export const log = (m: string): void => console.error(m);

export interface PlatformRun {
  gatewayUrl: string;
  adminToken: string;
  /** A raw client on the platform's Temporal server (for the floor). */
  client: Client;
}

export interface FloorWorker {
  taskQueue: string;
  /** The floor's workflow file (bundled by the worker). */
  workflowsPath: string;
  activities?: object;
}

/**
 * Starts the embedded platform (`env` on top of the defaults), a raw client and the floor's
 * worker, runs `body`, and stops everything by PID whatever happens.
 */
export async function withEmbeddedPlatform(
  options: { scale: string; env?: Record<string, string>; floor: FloorWorker },
  body: (run: PlatformRun) => Promise<void>,
): Promise<void> {
  Runtime.install({
    logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => log(m) },
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-platform-'));
  try {
    log(`starting the embedded platform (catalog scale ${options.scale})…`);
    const stack = await startStack({
      config: loadDevStackConfig({
        PROFILE: 'embedded',
        STORE: 'sqlite',
        SEARCH: 'sqlite',
        DATA_DIR: dataDir,
        PORT: String(await findFreePort()),
        TEMPORAL_PORT: String(await findFreePort()),
        TEMPORAL_UI_PORT: String(await findFreePort()),
        SEED_SCALE: options.scale,
        LOG_LEVEL: 'warn',
        ...options.env,
      }),
      log,
    });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
    try {
      const worker = await Worker.create({
        connection: workerConnection,
        taskQueue: options.floor.taskQueue,
        workflowsPath: options.floor.workflowsPath,
        activities: options.floor.activities ?? {},
      });
      const running = worker.run();
      try {
        await body({ gatewayUrl: stack.gatewayUrl, adminToken: stack.adminToken, client: new Client({ connection }) });
      } finally {
        worker.shutdown();
        await running;
      }
    } finally {
      await workerConnection.close();
      await connection.close();
      await stack.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface AlternatingRounds {
  concurrency: number;
  seconds: number;
  rounds: number;
  floor: (sequence: number, caller: number) => Promise<void>;
  subject: (sequence: number, caller: number) => Promise<void>;
  subjectName: string;
}

/** One warm-up each, then `rounds` × (floor, subject); medians of the rounds. */
export async function runAlternatingRounds(o: AlternatingRounds): Promise<{ floor: LoopSummary; subject: LoopSummary; failures: number }> {
  log('warming up…');
  await closedLoop({ concurrency: o.concurrency, seconds: 2, call: o.floor });
  await closedLoop({ concurrency: o.concurrency, seconds: 2, call: o.subject });
  const floor: LoopSummary[] = [];
  const subject: LoopSummary[] = [];
  for (let round = 0; round < o.rounds; round++) {
    log(`round ${round + 1}/${o.rounds}: floor, then ${o.subjectName} (${o.seconds}s each)…`);
    const fr = await closedLoop({ concurrency: o.concurrency, seconds: o.seconds, call: o.floor });
    const sr = await closedLoop({ concurrency: o.concurrency, seconds: o.seconds, call: o.subject });
    if (sr.firstError) log(`  first ${o.subjectName} error: ${sr.firstError}`);
    if (fr.firstError) log(`  first floor error: ${fr.firstError}`);
    floor.push(summarizeLoop(fr));
    subject.push(summarizeLoop(sr));
  }
  const failures = [...floor, ...subject].reduce((n, s) => n + s.failed, 0);
  return { floor: medianSummary(floor), subject: medianSummary(subject), failures };
}

/** In-stock SKUs of the seeded catalog (up to `count`), each set to plenty of units so the run never sells out. */
export async function stockedSkus(run: PlatformRun, count: number, reason: string): Promise<string[]> {
  const page = (await (await fetch(`${run.gatewayUrl}/v1/products?inStock=true&limit=20`)).json()) as ProductSearchResult;
  const skus = page.items.flatMap((p) => p.variants.slice(0, 2).map((v) => v.sku)).slice(0, count);
  if (skus.length === 0) throw new Error('the seeded catalog has no in-stock product');
  for (const sku of skus) {
    const res = await fetch(`${run.gatewayUrl}/v1/admin/inventory/${sku}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${run.adminToken}`, 'content-type': 'application/json', 'idempotency-key': `bench-stock-${sku}-${randomUUID()}` },
      body: JSON.stringify({ onHand: 1_000_000, reason }),
    });
    if (res.status !== 200) throw new Error(`stocking ${sku} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
  return skus;
}

/** Prints the floor and the subject side by side and their ratios; a failed call fails the run. */
export function reportAgainstFloor(r: {
  title: string;
  floorName: string;
  subjectName: string;
  /** e.g. `orders/floor` */
  ratioName: string;
  floor: LoopSummary;
  subject: LoopSummary;
  failures: number;
}): void {
  console.log(`\n${r.title}`);
  const columns: Column[] = [
    { title: 'case', width: 52 },
    { title: 'per s', width: 8 },
    { title: 'p50 ms', width: 8 },
    { title: 'p99 ms', width: 8 },
    { title: 'mean ms', width: 8 },
    { title: 'done', width: 7 },
  ];
  console.log(tableHeader(columns));
  for (const [name, row] of [
    [r.floorName, r.floor],
    [r.subjectName, r.subject],
  ] as const) {
    console.log(tableRow(columns, [name, fixed(row.perSecond, 1), fixed(row.p50, 1), fixed(row.p99, 1), fixed(row.mean, 1), String(row.completed)]));
  }
  console.log(
    `${r.ratioName}: p50 time-to-answer ${fixed(ratio(r.subject.p50, r.floor.p50), 2)}×, p99 ${fixed(ratio(r.subject.p99, r.floor.p99), 2)}×, ` +
      `throughput ${fixed(ratio(r.subject.perSecond, r.floor.perSecond), 3)}×`,
  );
  console.log(`failures: ${r.failures}`);
  if (r.failures > 0) process.exitCode = 1;
}
