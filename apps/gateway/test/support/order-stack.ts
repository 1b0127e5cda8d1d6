import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Hold, StockLevel } from '@commerce/contracts/inventory';
import {
  IMPORT_CATALOG_WORKFLOW,
  INVENTORY_TASK_QUEUE,
  importCatalogWorkflowId,
  type ImportCatalogWorkflow,
} from '@commerce/contracts/inventory';
import type { LedgerEntry, OrderSagaState } from '@commerce/contracts/order-saga';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { testTemporalAddress } from '@commerce/test-kit/temporal';
import {
  createTestNamespace,
  eventually,
  startTestWorker,
  type TestWorker,
} from '@commerce/test-kit/worker';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { OrderDetails } from '../../src/orders/order-details.js';
import type {
  holdProbeWorkflow,
  ledgerProbeWorkflow,
  stockProbeWorkflow,
} from '../workflows/order-probes.js';
import {
  ADMIN_HEADERS,
  createGatewayHarness,
  dropTestKeyspace,
  json,
  type GatewayHarness,
  type HarnessOptions,
} from './gateway-harness.js';
import { ORDER_APPS, spawnWorker, type OrderApp, type WorkerProcess } from './worker-process.js';

export const ORDERS_CATALOG = fileURLToPath(
  new URL('../fixtures/orders-catalog.ndjson', import.meta.url),
);
/** Every SKU of the fixture catalog. */
export const FIXTURE_SKUS = [
  'E2E-HEADPHONES-BLK',
  'E2E-CASE-GRY',
  'E2E-MONITOR-27',
  'E2E-TEE-BLK-S',
  'E2E-TEE-BLK-M',
  'E2E-TEE-BLK-L',
  'E2E-MUG-WHT',
  'E2E-LAMP-BLK',
] as const;

export interface OrderStackOptions {
  /** embedded: the SQLite file (default); production: Cassandra + Elasticsearch under unique names. */
  stores?: 'embedded' | 'production';
  /** Gateway settings (ORDER_APPROVAL_WINDOW_MS, MANUAL_FULFILLMENT, …) on top of the test defaults. */
  gatewayEnv?: Record<string, string>;
}

export interface OrderStack {
  namespace: string;
  /** production stores: the keyspaces (per app; the checkout has none) and the index prefix this stack uses. */
  keyspaces: Record<Exclude<OrderApp, 'checkout'> | 'gateway', string> | undefined;
  indexPrefix: string | undefined;
  gateway: GatewayHarness;
  workers: Record<OrderApp, WorkerProcess>;
  /** A second gateway on the same stores and namespace with other settings (closed by close()). */
  anotherGateway(env: Record<string, string>): Promise<GatewayHarness>;
  /** Kills a worker with SIGKILL (mid-task) and, unless told otherwise, starts a fresh one. */
  killWorker(app: OrderApp, options?: { restart?: boolean }): Promise<void>;
  startWorker(app: OrderApp): void;
  /** The payments ledger of an order (the saga's listLedger activity). */
  ledger(orderId: string): Promise<LedgerEntry[]>;
  /** Authoritative stock levels (inventory's getStockLevel activity), in the order asked. */
  stock(skus: readonly string[]): Promise<StockLevel[]>;
  hold(holdId: string): Promise<Hold | null>;
  /** The tails of every worker's output, for failure messages. */
  diagnostics(): string;
  close(): Promise<void>;
}

/** The gateway settings of the end-to-end tests: short stages, a real approval threshold. */
const GATEWAY_TEST_ENV: Record<string, string> = {
  FULFILLMENT_STAGE_MS: '300',
  DROPSHIP_POLL_MS: '200',
  ORDER_APPROVAL_WINDOW_MS: '120000',
  ORDER_RETURN_WINDOW_MS: '600000',
};

/**
 * The whole order pipeline for one test file: the REAL built workers (inventory, order-saga, oms,
 * fulfillment: apps/<app>/dist/main.js) as child processes in a fresh namespace of the run's dev
 * server, the gateway (driven with inject()) on the same stores, the fixture catalog imported
 * through the inventory's importCatalogWorkflow, and a probe worker that reads the ledger, stock
 * levels and holds through the domains' own activities.
 */
export type OrderProfile = NonNullable<OrderStackOptions['stores']>;

/**
 * The same scenarios on both storage profiles: `embedded` (SQLite) and `production` (Cassandra +
 * Elasticsearch under unique names; skipped with the reason only where the run has no stores —
 * never under CI=true). The two suites run one after the other, each with its own stack.
 */
export function describeOnEachProfile(name: string, body: (profile: OrderProfile) => void): void {
  const stores = testStores();
  describe(`${name} (embedded: SQLite)`, () => body('embedded'));
  describe.skipIf('skipReason' in stores)(`${name} (production: Cassandra + Elasticsearch)`, () =>
    body('production'),
  );
}

export interface OrderStackContext {
  /** The stack this suite's beforeAll started (throws when read before it did). */
  readonly stack: OrderStack;
  /** The HTTP client of its gateway. */
  readonly c: ReturnType<typeof client>;
  /** Polls the order until `accept` holds; a timeout fails with every worker's output tail. */
  until: (
    orderId: string,
    accept: (order: OrderDetails) => boolean,
    what: string,
    timeoutMs?: number,
  ) => Promise<OrderDetails>;
}

/** One order stack for the enclosing suite: started in beforeAll, closed in afterAll. */
export function useOrderStack(options: OrderStackOptions = {}): OrderStackContext {
  let started: { stack: OrderStack; c: ReturnType<typeof client> } | undefined;
  beforeAll(async () => {
    const stack = await startOrderStack(options);
    started = { stack, c: client(stack.gateway) };
  }, 240_000);
  afterAll(async () => {
    await started?.stack.close();
  });
  const ready = () => {
    if (started === undefined)
      throw new Error('the order stack has not started (read it inside a test)');
    return started;
  };
  return {
    get stack() {
      return ready().stack;
    },
    get c() {
      return ready().c;
    },
    until: (orderId, accept, what, timeoutMs) =>
      orderUntil(ready().stack.gateway, orderId, accept, `${orderId}: ${what}`, timeoutMs).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\n${ready().stack.diagnostics()}`, { cause: error });
        },
      ),
  };
}

export async function startOrderStack(options: OrderStackOptions = {}): Promise<OrderStack> {
  const production = options.stores === 'production';
  const namespace = await createTestNamespace('gw-e2e');
  const keyspacePrefix = production ? uniqueStoreName('gwe2e') : undefined;
  const indexPrefix = production ? `${uniqueStoreName('gwe2e')}_` : undefined;
  const keyspaceOf = (name: string) => `${keyspacePrefix}_${name}`;

  const gatewayOptions = (env: Record<string, string>, dbFile?: string): HarnessOptions => ({
    namespace,
    workflowResultTimeoutMs: 90_000,
    env: { ...GATEWAY_TEST_ENV, ...options.gatewayEnv, ...env },
    ...(dbFile !== undefined && { dbFile }),
    ...(production && {
      search: 'elasticsearch',
      indexPrefix,
      store: 'cassandra',
      keyspace: keyspaceOf('gateway'),
    }),
  });
  const gateway = await createGatewayHarness(gatewayOptions({}));
  const others: GatewayHarness[] = [];

  const stores = production ? requireTestStores() : undefined;
  const common: Record<string, string> = {
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_NAMESPACE: namespace,
    SQLITE_PATH: gateway.dbFile,
    LOG_LEVEL: 'warn',
    ...(stores
      ? {
          STORE: 'cassandra',
          CASSANDRA_CONTACT_POINTS: stores.cassandra.contactPoints.join(','),
          CASSANDRA_LOCAL_DATACENTER: stores.cassandra.localDataCenter,
          SEARCH: 'elasticsearch',
          ELASTICSEARCH_URL: stores.elasticsearchUrl,
          ELASTICSEARCH_INDEX_PREFIX: indexPrefix!,
        }
      : { STORE: 'sqlite', SEARCH: 'sqlite' }),
  };
  const appEnv: Record<OrderApp, Record<string, string>> = {
    inventory: {
      PROJECTOR_BATCH_WINDOW_MS: '50',
      ...(production && { CASSANDRA_KEYSPACE_INVENTORY: keyspaceOf('inventory') }),
    },
    'order-saga': {
      PAYMENT_FAILURE_RATE: '0',
      ...(production && { CASSANDRA_KEYSPACE_ORDER_SAGA: keyspaceOf('order_saga') }),
    },
    oms: {
      ORDER_PROJECTION_FLUSH_MS: '100',
      ...(production && { CASSANDRA_KEYSPACE_OMS: keyspaceOf('oms') }),
    },
    fulfillment: {
      DROPSHIP_REJECTION_RATE: '0',
      DROPSHIP_STAGE_MS: '200',
      NOTIFIER: 'record',
      ...(production && { CASSANDRA_KEYSPACE_FULFILLMENT: keyspaceOf('fulfillment') }),
    },
    cart: {
      ...(production && { CASSANDRA_KEYSPACE_CART: keyspaceOf('cart') }),
    },
    // The checkout keeps no tables: its state is its workflow (shipping and tax rules: defaults).
    checkout: {},
  };
  const workers = {} as Record<OrderApp, WorkerProcess>;
  const startWorker = (app: OrderApp) => {
    workers[app] = spawnWorker(app, { ...common, ...appEnv[app] });
  };
  const diagnostics = () =>
    ORDER_APPS.map(
      (app) => `--- ${app} worker ---\n${workers[app]?.output().slice(-4_000) ?? ''}`,
    ).join('\n');

  let probes: TestWorker | undefined;
  const stack: OrderStack = {
    namespace,
    keyspaces: production
      ? {
          inventory: keyspaceOf('inventory'),
          'order-saga': keyspaceOf('order_saga'),
          oms: keyspaceOf('oms'),
          fulfillment: keyspaceOf('fulfillment'),
          cart: keyspaceOf('cart'),
          gateway: keyspaceOf('gateway'),
        }
      : undefined,
    indexPrefix,
    gateway,
    workers,
    async anotherGateway(env) {
      const other = await createGatewayHarness(gatewayOptions(env, gateway.dbFile));
      others.push(other);
      return other;
    },
    async killWorker(app, { restart = true } = {}) {
      await workers[app].kill();
      if (restart) startWorker(app);
    },
    startWorker,
    async ledger(orderId) {
      return probes!.client.workflow.execute<typeof ledgerProbeWorkflow>('ledgerProbeWorkflow', {
        taskQueue: probes!.taskQueue,
        workflowId: `probe-ledger-${randomUUID()}`,
        args: [{ orderId }],
      });
    },
    async stock(skus) {
      return probes!.client.workflow.execute<typeof stockProbeWorkflow>('stockProbeWorkflow', {
        taskQueue: probes!.taskQueue,
        workflowId: `probe-stock-${randomUUID()}`,
        args: [{ skus: [...skus] }],
      });
    },
    async hold(holdId) {
      return probes!.client.workflow.execute<typeof holdProbeWorkflow>('holdProbeWorkflow', {
        taskQueue: probes!.taskQueue,
        workflowId: `probe-hold-${randomUUID()}`,
        args: [{ holdId }],
      });
    },
    diagnostics,
    async close() {
      await Promise.allSettled(others.map((o) => o.close()));
      await probes?.stop();
      await Promise.allSettled(ORDER_APPS.map((app) => workers[app]?.stop()));
      await gateway.close();
      if (production) {
        await dropIndices(requireTestStores().elasticsearchUrl, indexPrefix!);
        for (const name of ['inventory', 'order_saga', 'oms', 'fulfillment', 'cart', 'gateway'])
          await dropTestKeyspace(keyspaceOf(name));
      }
    },
  };

  try {
    for (const app of ORDER_APPS) startWorker(app);
    probes = await startTestWorker({
      namespace,
      workflowsPath: fileURLToPath(new URL('../workflows/order-probes.ts', import.meta.url)),
    });
    const importId = `gateway-e2e-${randomUUID()}`;
    const progress = await probes.client.workflow.execute<ImportCatalogWorkflow>(
      IMPORT_CATALOG_WORKFLOW,
      {
        taskQueue: INVENTORY_TASK_QUEUE,
        workflowId: importCatalogWorkflowId(importId),
        args: [{ importId, source: { kind: 'file', path: ORDERS_CATALOG } }],
        workflowExecutionTimeout: '3 minutes',
      },
    );
    expect(progress.status).toBe('completed');
    // The gateway prices orders from the read side: wait until the import projected every SKU.
    await eventually(
      async () => {
        const levels = await Promise.all(
          FIXTURE_SKUS.map((sku) => gateway.readModel.getStockLevel(sku)),
        );
        return levels.every((l) => l !== null) ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'the fixture catalog in the read model' },
    );
  } catch (error) {
    const message = `order stack failed to start: ${String(error)}\n${diagnostics()}`;
    await stack.close().catch(() => undefined);
    throw new Error(message, { cause: error });
  }
  return stack;
}

/** Deletes every index (and index template) whose name starts with the prefix. */
async function dropIndices(url: string, prefix: string): Promise<void> {
  const listed = await fetch(`${url}/_cat/indices/${prefix}*?format=json`);
  const indices = listed.ok ? ((await listed.json()) as { index: string }[]) : [];
  for (const { index } of indices) await fetch(`${url}/${index}`, { method: 'DELETE' });
  const templates = await fetch(`${url}/_index_template/${prefix}*`);
  if (templates.ok) {
    const { index_templates: found = [] } = (await templates.json()) as {
      index_templates?: { name: string }[];
    };
    for (const { name } of found)
      await fetch(`${url}/_index_template/${name}`, { method: 'DELETE' });
  }
}

/** The order through the gateway, polled until `accept` holds. */
export async function orderUntil(
  gateway: GatewayHarness,
  orderId: string,
  accept: (order: OrderDetails) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<OrderDetails> {
  let last: OrderDetails | string | undefined;
  try {
    return await eventually(
      async () => {
        const response = await gateway.app.inject({ method: 'GET', url: `/v1/orders/${orderId}` });
        last = response.statusCode === 200 ? json<OrderDetails>(response) : response.body;
        return typeof last !== 'string' && accept(last) ? last : undefined;
      },
      { timeoutMs, what, intervalMs: 200 },
    );
  } catch (error) {
    throw new Error(`${String(error)}\nlast: ${JSON.stringify(last)}`, { cause: error });
  }
}

/** The saga reached a final status (delivered, declined, cancelled, rejected, approval_expired, failed). */
export const SAGA_FINAL = new Set([
  'delivered',
  'declined',
  'cancelled',
  'rejected',
  'approval_expired',
  'failed',
]);

export const isFinal = (saga: OrderSagaState): boolean => SAGA_FINAL.has(saga.status);

/** POST helpers over a gateway. */
export function client(gateway: GatewayHarness) {
  /** A JSON POST; without a body (`undefined`) nothing is sent, not even a content type. */
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    body === undefined
      ? gateway.app.inject({ method: 'POST', url, headers })
      : gateway.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...headers },
          payload: JSON.stringify(body),
        });
  return {
    post,
    admin: (url: string, body: unknown, headers: Record<string, string> = {}) =>
      post(url, body, { ...ADMIN_HEADERS, ...headers }),
    get: (url: string, headers: Record<string, string> = {}) =>
      gateway.app.inject({ method: 'GET', url, headers }),
    adminGet: (url: string) => gateway.app.inject({ method: 'GET', url, headers: ADMIN_HEADERS }),
  };
}
