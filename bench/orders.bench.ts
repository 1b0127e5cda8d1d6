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
import { loadOrderBenchSettings } from './src/config.js';
import { reportAgainstFloor, runAlternatingRounds, stockedSkus, withEmbeddedPlatform } from './src/embedded-platform.js';
import { benchOrderFloorWorkflow, floorAnswerUpdate, FLOOR_ACTIVITY_COUNT } from './src/orders/floor-workflow.js';

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
      reportAgainstFloor({
        title:
          `order benchmark — ${settings.concurrency} concurrent callers, ${settings.rounds} × ${settings.seconds}s rounds, medians; ` +
          `floor = bare workflow, update-with-start answered after ${FLOOR_ACTIVITY_COUNT} no-op activities`,
        floorName: 'floor: raw client update-with-start',
        subjectName: 'POST /v1/orders (gateway → saga early answer)',
        ratioName: 'orders/floor',
        floor: f,
        subject: o,
        failures,
      });
    },
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
