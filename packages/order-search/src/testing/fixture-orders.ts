import type { OrderSearchDocument, OrderStatus } from '@commerce/contracts/oms';

// Deterministic order documents for tests of the projection and of what reads it (the gateway's
// admin order search can seed them too). Pure data: no clock, no I/O; the generator is seeded.

/** The compact description {@link fixtureOrder} turns into a consistent OrderSearchDocument. */
export interface FixtureOrderSpec {
  orderId: string;
  status?: OrderStatus;
  confirmationNumber?: string;
  customerId?: string | null;
  customerName?: string;
  customerEmail?: string;
  /** Minor units; default 5_000. */
  total?: number;
  currency?: string;
  skus?: string[];
  suppliers?: string[];
  itemCount?: number;
  /** ISO 8601; default 2025-01-01T00:00:00.000Z. */
  placedAt?: string;
  updatedAt?: string;
  version?: number;
}

const confirmationOf = (orderId: string): string =>
  (orderId.toUpperCase().replace(/[^A-Z0-9]/g, '') + 'CONFIRM0').slice(0, 10);

export function fixtureOrder(spec: FixtureOrderSpec): OrderSearchDocument {
  const skus = spec.skus ?? ['TEE-0001-BLK-M'];
  const placedAt = spec.placedAt ?? '2025-01-01T00:00:00.000Z';
  return {
    orderId: spec.orderId,
    confirmationNumber: spec.confirmationNumber ?? confirmationOf(spec.orderId),
    status: spec.status ?? 'placed',
    customerId: spec.customerId === undefined ? null : spec.customerId,
    customerEmail: spec.customerEmail ?? 'jane.doe@example.com',
    customerName: spec.customerName ?? 'Jane Doe',
    total: { amount: spec.total ?? 5_000, currency: spec.currency ?? 'USD' },
    itemCount: spec.itemCount ?? skus.length,
    skus,
    suppliers: spec.suppliers ?? ['sup-simulated'],
    placedAt,
    updatedAt: spec.updatedAt ?? placedAt,
    version: spec.version ?? 1,
  };
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST = ['Jane', 'John', 'Zoë', 'José', 'Ana', 'Björn', 'Chloé', 'Amir', 'Mei', 'Olu', 'Søren', 'Priya'];
const LAST = ['Doe', 'Smith', 'Müller', 'Álvarez', 'Nakamura', 'Okafor', 'García', 'Dubois', 'Kowalski', 'Chen'];
export const FIXTURE_SUPPLIERS = ['sup-simulated', 'sup-manual', 'sup-dropship', 'acme-outfitters', 'north-mills', 'zeta-goods'];
const STATUS_WEIGHTS: [OrderStatus, number][] = [
  ['placed', 3],
  ['processing', 4],
  ['partially_shipped', 2],
  ['shipped', 3],
  ['delivered', 4],
  ['completed', 5],
  ['cancelled', 2],
  ['refunded', 1],
  ['returned', 1],
];
const PRODUCTS = ['TEE', 'HOOD', 'CAP', 'SOCK', 'PARKA', 'BAG'];
const COLORS = ['BLK', 'WHT', 'RED', 'NVY'];
const SIZES = ['S', 'M', 'L', 'XL'];

/**
 * `count` orders `order-00001` … with a spread of statuses, suppliers (1–3 each), customers
 * (some guests), totals (repeated values, so ties occur), SKUs and placedAt instants (some shared).
 */
export function buildFixtureOrders(count: number, seed = 7): OrderSearchDocument[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = (): OrderStatus => {
    const sum = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let r = random() * sum;
    for (const [status, weight] of STATUS_WEIGHTS) {
      r -= weight;
      if (r < 0) return status;
    }
    return 'placed';
  };
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const first = pick(FIRST);
    const last = pick(LAST);
    const supplierCount = 1 + Math.floor(random() * 3);
    const suppliers = [...new Set(Array.from({ length: supplierCount }, () => pick(FIXTURE_SUPPLIERS)))];
    const skus = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${pick(PRODUCTS)}-${String(1 + Math.floor(random() * 40)).padStart(4, '0')}-${pick(COLORS)}-${pick(SIZES)}`),
      ),
    ];
    const guest = random() < 0.25;
    const placedAt = new Date(base + Math.floor(random() * 120) * 3_600_000).toISOString();
    return fixtureOrder({
      orderId: `order-${String(n).padStart(5, '0')}`,
      confirmationNumber: `C${String(100_000 + n * 37)}X`,
      status: weighted(),
      customerId: guest ? null : `cust-${1 + Math.floor(random() * 40)}`,
      customerName: `${first} ${last}`,
      customerEmail: `${first}.${last}${n}@example.com`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
      total: (1 + Math.floor(random() * 60)) * 500,
      skus,
      suppliers,
      itemCount: skus.length + Math.floor(random() * 3),
      placedAt,
      version: 1 + Math.floor(random() * 5),
    });
  });
}
