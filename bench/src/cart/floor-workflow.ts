// The floor of the cart benchmark: the smallest workflow that answers the same update-with-start
// the gateway sends for `POST /v1/carts/{cartId}/items` — it adds the line to its in-memory state
// and returns it, with no activity. Bundled and run by the benchmark's own in-process worker.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export interface FloorLine {
  sku: string;
  quantity: number;
}

export const floorAddItemUpdate = defineUpdate<{ version: number; lines: FloorLine[] }, [FloorLine]>('floorAddItem');

export async function benchCartFloorWorkflow(): Promise<void> {
  const lines: FloorLine[] = [];
  let version = 0;
  setHandler(floorAddItemUpdate, ({ sku, quantity }) => {
    const line = lines.find((l) => l.sku === sku);
    if (line) line.quantity += quantity;
    else lines.push({ sku, quantity });
    version++;
    return { version, lines };
  });
  // A benchmark cart lives until the run's Temporal server stops.
  await condition(() => false);
}
