// Adding to a cart through the gateway against a floor measured in the same run on the same
// Temporal server: `POST /v1/carts/{cartId}/items` is an update-with-start of the cart workflow
// (created by the first add), which describes the SKU and holds its stock through inventory
// activities before it answers the new cart; the floor is the same update-with-start, sent by a
// raw Temporal client to a minimal workflow that answers from memory. Both run closed-loop at the
// same fixed concurrency, alternating rounds; each caller adds to one cart (cycling over a few
// SKUs) for CART_ADDS_PER_CART calls, then starts a new cart — so both cases mix creating starts
// with updates of a running workflow, and the cart crosses its continue-as-new point.
// Prints ratios; absolute numbers are only context.
//
//   pnpm --filter @commerce/bench bench:cart
//   env: BENCH_CONCURRENCY (default 8), BENCH_SECONDS per round (default 8), BENCH_ROUNDS (default 3),
//        BENCH_SCALE (catalog scale, default 0.1)
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { loadOrderBenchSettings } from './src/config.js';
import { benchCartFloorWorkflow, floorAddItemUpdate } from './src/cart/floor-workflow.js';
import { reportAgainstFloor, runAlternatingRounds, stockedSkus, withEmbeddedPlatform } from './src/embedded-platform.js';

const settings = loadOrderBenchSettings();
const FLOOR_QUEUE = 'bench-cart-floor';
/** Adds per cart before a caller starts a new cart (below 99 units per line with SKUS_PER_CART SKUs). */
const CART_ADDS_PER_CART = 120;
const SKUS_PER_CART = 4;

/** Each caller's current cart: a new id every CART_ADDS_PER_CART calls. */
function cartCycler(prefix: string): (caller: number) => { cartId: string; n: number } {
  const carts = new Map<number, { cartId: string; n: number }>();
  return (caller) => {
    let c = carts.get(caller);
    if (!c || c.n >= CART_ADDS_PER_CART) carts.set(caller, (c = { cartId: `${prefix}_${randomUUID().replaceAll('-', '')}`, n: 0 }));
    c.n++;
    return c;
  };
}

async function main(): Promise<void> {
  await withEmbeddedPlatform(
    {
      scale: settings.scale,
      floor: {
        taskQueue: FLOOR_QUEUE,
        workflowsPath: fileURLToPath(new URL('./src/cart/floor-workflow.ts', import.meta.url)),
      },
    },
    async (run) => {
      const skus = await stockedSkus(run, 40, 'cart benchmark');
      console.error(`${skus.length} SKUs stocked for the run`);
      const gatewayCart = cartCycler('bench');
      const floorCart = cartCycler('floor');
      const skuFor = (c: { n: number }, caller: number) => skus[(caller * SKUS_PER_CART + (c.n % SKUS_PER_CART)) % skus.length]!;

      const addItem = async (_sequence: number, caller: number): Promise<void> => {
        const cart = gatewayCart(caller);
        const res = await fetch(`${run.gatewayUrl}/v1/carts/${cart.cartId}/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ sku: skuFor(cart, caller), quantity: 1 }),
        });
        const text = await res.text();
        if (res.status !== 200 && res.status !== 201) throw new Error(`POST /v1/carts/{id}/items answered ${res.status}: ${text.slice(0, 200)}`);
      };
      const floor = async (_sequence: number, caller: number): Promise<void> => {
        const cart = floorCart(caller);
        await run.client.workflow.executeUpdateWithStart(floorAddItemUpdate, {
          args: [{ sku: skuFor(cart, caller), quantity: 1 }],
          updateId: randomUUID(),
          startWorkflowOperation: new WithStartWorkflowOperation(benchCartFloorWorkflow, {
            workflowId: `cart:${cart.cartId}`,
            taskQueue: FLOOR_QUEUE,
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        });
      };
      const { floor: f, subject: c, failures } = await runAlternatingRounds({ ...settings, floor, subject: addItem, subjectName: 'cart adds' });
      reportAgainstFloor({
        title:
          `cart benchmark — ${settings.concurrency} concurrent callers, ${settings.rounds} × ${settings.seconds}s rounds, medians; ` +
          'floor = minimal workflow answering the same update-with-start from memory (raw client)',
        floorName: 'floor: raw client update-with-start',
        subjectName: 'POST /v1/carts/{cartId}/items (gateway → cart)',
        ratioName: 'cart/floor',
        floor: f,
        subject: c,
        failures,
      });
    },
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
