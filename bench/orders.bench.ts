// Placing orders through the gateway against a floor measured in the same run on the same Temporal
// server: `POST /v1/orders` answers once the order saga has held stock, confirmed the hold and
// authorized the payment (update-with-start, early answer); the floor is a bare workflow answering
// the same kind of update-with-start after the same number of no-op activities, started through a
// raw Temporal client. Both run closed-loop at the same fixed concurrency, alternating rounds.
// Prints ratios; absolute numbers are only context.
//
//   pnpm --filter @commerce/bench bench:orders
//   env: BENCH_CONCURRENCY (default 8), BENCH_SECONDS per round (default 8), BENCH_ROUNDS (default 3),
//        BENCH_SCALE (catalog scale, default 0.1)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import type { ProductSearchResult } from '@commerce/contracts/inventory';
import { loadDevStackConfig, startStack } from '@commerce/dev-stack';
import { findFreePort } from '@commerce/process-kit';
import { loadOrderBenchSettings } from './src/config.js';
import { closedLoop, summarizeLoop, type LoopSummary } from './src/orders/closed-loop.js';
import { benchOrderFloorWorkflow, floorAnswerUpdate, FLOOR_ACTIVITY_COUNT } from './src/orders/floor-workflow.js';
import { fixed, median, ratio, tableHeader, tableRow, type Column } from './src/stats.js';

const settings = loadOrderBenchSettings();
const log = (m: string) => console.error(m);
const FLOOR_QUEUE = 'bench-order-floor';

const address = { name: 'Bench Shopper', line1: '1 Loop Road', city: 'Springfield', postalCode: '12345', country: 'US' };

async function main(): Promise<void> {
  Runtime.install({ logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => log(m) }, telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } } });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-orders-'));
  try {
    log(`starting the embedded platform (catalog scale ${settings.scale})…`);
    const stack = await startStack({
      config: loadDevStackConfig({
        PROFILE: 'embedded',
        STORE: 'sqlite',
        SEARCH: 'sqlite',
        DATA_DIR: dataDir,
        PORT: String(await findFreePort()),
        TEMPORAL_PORT: String(await findFreePort()),
        TEMPORAL_UI_PORT: String(await findFreePort()),
        SEED_SCALE: settings.scale,
        LOG_LEVEL: 'warn',
        // Orders are answered at authorization; keep what follows (approval, fulfillment timers)
        // out of the measurement: no approvals, fulfillment stages far beyond the run.
        ORDER_APPROVAL_THRESHOLD: String(1_000_000_000),
        FULFILLMENT_STAGE_MS: String(3_600_000),
      }),
      log,
    });
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
    try {
      const base = stack.gatewayUrl;
      const skus = await stockedSkus(base, stack.adminToken);
      log(`${skus.length} SKUs stocked for the run`);

      const client = new Client({ connection });
      const worker = await Worker.create({
        connection: workerConnection,
        taskQueue: FLOOR_QUEUE,
        workflowsPath: fileURLToPath(new URL('./src/orders/floor-workflow.ts', import.meta.url)),
        activities: { step: ({ n }: { n: number }) => Promise.resolve(n) },
      });
      const running = worker.run();
      try {
        const placeOrder = async (i: number): Promise<void> => {
          const res = await fetch(`${base}/v1/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({
              customer: { email: `bench${i}@example.com`, name: 'Bench Shopper' },
              items: [{ sku: skus[i % skus.length], quantity: 1 }],
              shippingAddress: address,
              paymentMethod: { type: 'card', token: 'tok_visa' },
            }),
          });
          const text = await res.text();
          if (res.status !== 201) throw new Error(`POST /v1/orders answered ${res.status}: ${text.slice(0, 200)}`);
        };
        const floor = async (): Promise<void> => {
          await client.workflow.executeUpdateWithStart(floorAnswerUpdate, {
            startWorkflowOperation: new WithStartWorkflowOperation(benchOrderFloorWorkflow, {
              workflowId: `bench-floor-${randomUUID()}`,
              taskQueue: FLOOR_QUEUE,
              workflowIdConflictPolicy: 'USE_EXISTING',
            }),
          });
        };
        log('warming up…');
        await closedLoop({ concurrency: settings.concurrency, seconds: 2, call: floor });
        await closedLoop({ concurrency: settings.concurrency, seconds: 2, call: placeOrder });
        const f: LoopSummary[] = [];
        const o: LoopSummary[] = [];
        for (let round = 0; round < settings.rounds; round++) {
          log(`round ${round + 1}/${settings.rounds}: floor, then orders (${settings.seconds}s each)…`);
          const fr = await closedLoop({ concurrency: settings.concurrency, seconds: settings.seconds, call: floor });
          const or = await closedLoop({ concurrency: settings.concurrency, seconds: settings.seconds, call: placeOrder });
          if (or.firstError) log(`  first order error: ${or.firstError}`);
          if (fr.firstError) log(`  first floor error: ${fr.firstError}`);
          f.push(summarizeLoop(fr));
          o.push(summarizeLoop(or));
        }
        report(median1(f), median1(o), [...f, ...o].reduce((n, s) => n + s.failed, 0));
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

function median1(rows: readonly LoopSummary[]): LoopSummary {
  const m = (pick: (r: LoopSummary) => number) => median(rows.map(pick));
  return {
    perSecond: m((r) => r.perSecond),
    p50: m((r) => r.p50),
    p99: m((r) => r.p99),
    mean: m((r) => r.mean),
    completed: rows.reduce((n, r) => n + r.completed, 0),
    failed: rows.reduce((n, r) => n + r.failed, 0),
  };
}

function report(floor: LoopSummary, orders: LoopSummary, failures: number): void {
  console.log(
    `\norder benchmark — ${settings.concurrency} concurrent callers, ${settings.rounds} × ${settings.seconds}s rounds, medians; ` +
      `floor = bare workflow, update-with-start answered after ${FLOOR_ACTIVITY_COUNT} no-op activities`,
  );
  const columns: Column[] = [
    { title: 'case', width: 48 },
    { title: 'per s', width: 8 },
    { title: 'p50 ms', width: 8 },
    { title: 'p99 ms', width: 8 },
    { title: 'mean ms', width: 8 },
    { title: 'done', width: 7 },
  ];
  console.log(tableHeader(columns));
  for (const [name, row] of [
    ['floor: raw client update-with-start', floor],
    ['POST /v1/orders (gateway → saga early answer)', orders],
  ] as const) {
    console.log(tableRow(columns, [name, fixed(row.perSecond, 1), fixed(row.p50, 1), fixed(row.p99, 1), fixed(row.mean, 1), String(row.completed)]));
  }
  console.log(
    `orders/floor: throughput ${fixed(ratio(orders.perSecond, floor.perSecond), 3)}×, ` +
      `p50 time-to-answer ${fixed(ratio(orders.p50, floor.p50), 2)}×, p99 ${fixed(ratio(orders.p99, floor.p99), 2)}×`,
  );
  console.log(`failures: ${failures}`);
  if (failures > 0) process.exitCode = 1;
}

/** In-stock SKUs of the seeded catalog, each set to plenty of units so the run never sells out. */
async function stockedSkus(base: string, adminToken: string): Promise<string[]> {
  const page = (await (await fetch(`${base}/v1/products?inStock=true&limit=20`)).json()) as ProductSearchResult;
  const skus = page.items.flatMap((p) => p.variants.slice(0, 2).map((v) => v.sku));
  if (skus.length === 0) throw new Error('the seeded catalog has no in-stock product');
  for (const sku of skus) {
    const res = await fetch(`${base}/v1/admin/inventory/${sku}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'idempotency-key': `bench-stock-${sku}-${randomUUID()}` },
      body: JSON.stringify({ onHand: 1_000_000, reason: 'order benchmark' }),
    });
    if (res.status !== 200) throw new Error(`stocking ${sku} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  }
  return skus;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
