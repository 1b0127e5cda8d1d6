import { ApplicationFailure } from '@temporalio/common';
import { InventoryFailure, type Hold, type InventoryActivities, type SkuDescription } from '@commerce/contracts/inventory';

export type CartInventoryActivities = Pick<InventoryActivities, 'describeSkus' | 'holdStock' | 'renewHold' | 'releaseHold'>;

export interface TestSku {
  stock: number;
  price: number;
  currency?: string;
}

/** A catalog description of a test SKU. */
export function describeTestSku(sku: string, price: number, currency = 'USD'): SkuDescription {
  return {
    sku,
    productId: `prod-${sku.toLowerCase()}`,
    handle: `h-${sku.toLowerCase()}`,
    title: `Product ${sku}`,
    options: { color: 'black', size: 'M' },
    image: null,
    unitPrice: { amount: price, currency },
    weightGrams: 200,
    supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
  };
}

/**
 * A stand-in for inventory's activities the cart calls, registered on the real `inventory` queue
 * of a test namespace: a catalog, stock counters per SKU and holds with set semantics per
 * (holdId, sku) — holding again sets the line's quantity (all lines or none), releasing named
 * SKUs gives their units back, a released line can be held afresh. `assertConserved` proves no
 * unit leaked: available + held = initial stock, per SKU.
 */
export function createTestInventory(catalog: Record<string, TestSku>) {
  const available = new Map(Object.entries(catalog).map(([sku, s]) => [sku, s.stock]));
  const holds = new Map<string, Map<string, number>>();
  const expiry = new Map<string, number>();
  const calls: string[] = [];
  const fail = (type: string, message: string, details?: unknown) =>
    ApplicationFailure.create({ type, message, nonRetryable: true, details: details === undefined ? [] : [details] });
  const holdView = (holdId: string): Hold => {
    const lines = holds.get(holdId) ?? new Map<string, number>();
    const at = new Date().toISOString();
    return {
      holdId,
      owner: holdId,
      lines: [...lines].map(([sku, quantity]) => ({ sku, quantity, status: 'held' as const })),
      expiresAt: new Date(expiry.get(holdId) ?? Date.now()).toISOString(),
      createdAt: at,
      updatedAt: at,
    };
  };
  const activity =
    <I, O>(fn: (input: I) => O) =>
    (input: I): Promise<O> =>
      Promise.resolve(input).then(fn);

  const activities: CartInventoryActivities = {
    describeSkus: activity(({ skus }: { skus: string[] }) => {
      calls.push(`describeSkus ${skus.join(',')}`);
      const found = skus.filter((s) => catalog[s] !== undefined).map((s) => describeTestSku(s, catalog[s]!.price, catalog[s]!.currency));
      return { found, unknown: skus.filter((s) => catalog[s] === undefined) };
    }),
    holdStock: activity((input: Parameters<CartInventoryActivities['holdStock']>[0]) => {
      calls.push(`holdStock ${input.lines.map((l) => `${l.sku}=${l.quantity}`).join(',')}`);
      const lines = holds.get(input.holdId) ?? new Map<string, number>();
      for (const line of input.lines) {
        const free = available.get(line.sku);
        if (free === undefined) throw fail(InventoryFailure.UnknownSku, `unknown SKU ${line.sku}`);
        const delta = line.quantity - (lines.get(line.sku) ?? 0);
        if (delta > free)
          throw fail(InventoryFailure.InsufficientStock, `only ${free} more of ${line.sku} available`, { sku: line.sku, requested: line.quantity, available: free });
      }
      for (const line of input.lines) {
        const delta = line.quantity - (lines.get(line.sku) ?? 0);
        available.set(line.sku, available.get(line.sku)! - delta);
        lines.set(line.sku, line.quantity);
      }
      holds.set(input.holdId, lines);
      expiry.set(input.holdId, Date.now() + input.ttlSeconds * 1000);
      return holdView(input.holdId);
    }),
    renewHold: activity(({ holdId, ttlSeconds }: { holdId: string; ttlSeconds: number }) => {
      calls.push(`renewHold ${holdId}`);
      if ((holds.get(holdId)?.size ?? 0) === 0) throw fail(InventoryFailure.HoldNotFound, `no held lines in ${holdId}`);
      expiry.set(holdId, Date.now() + ttlSeconds * 1000);
      return holdView(holdId);
    }),
    releaseHold: activity(({ holdId, skus }: { holdId: string; skus?: string[] }) => {
      calls.push(`releaseHold ${(skus ?? ['*']).join(',')}`);
      const lines = holds.get(holdId) ?? new Map<string, number>();
      for (const sku of skus ?? [...lines.keys()]) {
        const quantity = lines.get(sku);
        if (quantity === undefined) continue;
        available.set(sku, available.get(sku)! + quantity);
        lines.delete(sku);
      }
      return holdView(holdId);
    }),
  };

  return {
    activities,
    calls,
    available: (sku: string) => available.get(sku),
    /** The held quantity per SKU of a hold. */
    held: (holdId: string): Record<string, number> => Object.fromEntries(holds.get(holdId) ?? []),
    count: (prefix: string) => calls.filter((c) => c.startsWith(prefix)).length,
    assertConserved() {
      for (const [sku, { stock }] of Object.entries(catalog)) {
        let held = 0;
        for (const lines of holds.values()) held += lines.get(sku) ?? 0;
        const free = available.get(sku)!;
        if (free + held !== stock) throw new Error(`${sku}: ${free} available + ${held} held != ${stock}`);
        if (free < 0) throw new Error(`${sku}: negative availability ${free}`);
      }
    },
  };
}
export type TestInventory = ReturnType<typeof createTestInventory>;
