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
import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { LoopSummary } from './src/closed-loop.js';
import { loadOrderBenchSettings } from './src/config.js';
import { runAlternatingRounds, stockedSkus, withEmbeddedPlatform } from './src/embedded-platform.js';
import { benchOrderFloorWorkflow, floorAnswerUpdate, FLOOR_ACTIVITY_COUNT } from './src/orders/floor-workflow.js';
import { fixed, ratio, tableHeader, tableRow, type Column } from './src/stats.js';

const settings = loadOrderBenchSettings();
const FLOOR_QUEUE = 'bench-order-floor';

const address = { name: 'Bench Shopper', line1: '1 Loop Road', city: 'Springfield', postalCode: '12345', country: 'US' };

async function main(): Promise<void> {
  await withEmbeddedPlatform(
    {
      scale: settings.scale,
      // Orders are answered at authorization; keep what follows (approval, fulfillment timers)
      // out of the measurement: no approvals, fulfillment stages far beyond the run.
      env: { ORDER_APPROVAL_THRESHOLD: String(1_000_000_000), FULFILLMENT_STAGE_MS: String(3_600_000) },
      floor: {
        taskQueue: FLOOR_QUEUE,
        workflowsPath: fileURLToPath(new URL('./src/orders/floor-workflow.ts', import.meta.url)),
        activities: { step: ({ n }: { n: number }) => Promise.resolve(n) },
      },
    },
    async (run) => {
      const skus = await stockedSkus(run, 40, 'order benchmark');
      console.error(`${skus.length} SKUs stocked for the run`);
      const placeOrder = async (i: number): Promise<void> => {
        const res = await fetch(`${run.gatewayUrl}/v1/orders`, {
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
        await run.client.workflow.executeUpdateWithStart(floorAnswerUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(benchOrderFloorWorkflow, {
            workflowId: `bench-floor-${randomUUID()}`,
            taskQueue: FLOOR_QUEUE,
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
      };
      const { floor: f, subject: o, failures } = await runAlternatingRounds({
        ...settings,
        floor,
        subject: placeOrder,
        subjectName: 'orders',
      });
      report(f, o, failures);
    },
  );
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

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
