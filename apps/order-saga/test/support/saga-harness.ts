import { fileURLToPath } from 'node:url';
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import {
  createTestNamespace,
  eventually,
  startTestWorker,
  type TestWorker,
} from '@commerce/test-kit/worker';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import {
  OMS_TASK_QUEUE,
  ORDER_WORKFLOW,
  orderWorkflowId,
  type OmsActivities,
  type OrderWorkflowInput,
} from '@commerce/contracts/oms';
import {
  ORDER_SAGA_TASK_QUEUE,
  ORDER_SAGA_WORKFLOW,
  orderProgressSignal,
  orderSagaQuery,
  orderSagaWorkflowId,
  placeOrderUpdate,
  type OrderSagaInput,
  type OrderSagaState,
  type OrderSagaWorkflow,
  type PlacementDecision,
} from '@commerce/contracts/order-saga';
import { createPaymentActivities } from '../../src/activities/index.js';
import { createSqlitePaymentLedger } from '../../src/adapters/sqlite/sqlite-payment-ledger.js';
import { createSimulatedPaymentProcessor } from '../../src/adapters/simulated/simulated-payment-processor.js';
import type {
  PaymentOperation,
  TransientFailures,
} from '../../src/adapters/simulated/transient-failures.js';
import { assertLedgerInvariants } from '../../src/domain/ledger-invariants.js';
import type { PaymentProcessor } from '../../src/ports/payment-processor.js';
import { createTempDatabase, type TempDatabase } from './temp-database.js';
import { createTestInventory, type TestInventory } from './test-inventory.js';

export const WORKFLOWS_PATH = fileURLToPath(
  new URL('../../src/workflows/index.ts', import.meta.url),
);
const OMS_STAND_IN_PATH = fileURLToPath(new URL('./oms-stand-in-workflows.ts', import.meta.url));

export const SKUS = { mug: 'MUG-001', tee: 'TEE-001-BLK-M', lamp: 'LAMP-001' } as const;

/** Transient provider failures planned per (operation, order): `fail('authorize', orderId, 2)`. */
export function plannedFailures() {
  const remaining = new Map<string, number>();
  const policy: TransientFailures = {
    shouldFail(operation, key) {
      const id = `${operation} ${key.slice(key.indexOf(':') + 1)}`;
      const left = remaining.get(id) ?? 0;
      if (left > 0) remaining.set(id, left - 1);
      return left > 0;
    },
  };
  return {
    policy,
    fail: (operation: PaymentOperation, orderId: string, count: number) =>
      remaining.set(`${operation} ${orderId}`, count),
  };
}

let counter = 0;
/** A unique order id per call (one test file shares a namespace). */
/** The saga's compensations as `name:status`, in order. */
export const compensations = (state: OrderSagaState): string[] =>
  state.compensations.map((c) => `${c.name}:${c.status}`);

export const newOrderId = (name: string): string =>
  `${name}-${Date.now().toString(36)}-${++counter}`;

/** A direct order of 2 × 599.99 + 1 × 159.99 = 1,359.97 (seed 000's first example). */
export function orderInput(orderId: string, patch: Partial<OrderSagaInput> = {}): OrderSagaInput {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const supplier = { id: 'acme', name: 'Acme', type: 'simulated' as const };
  const lines = patch.lines ?? [
    {
      sku: SKUS.lamp,
      quantity: 2,
      unitPrice: usd(59_999),
      title: 'Lamp',
      productId: 'p-lamp',
      supplier,
    },
    {
      sku: SKUS.mug,
      quantity: 1,
      unitPrice: usd(15_999),
      title: 'Mug',
      productId: 'p-mug',
      supplier,
    },
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice.amount, 0);
  return {
    orderId,
    confirmationNumber: 'ABC12345',
    source: 'api',
    customer: { email: 'ada@example.com', name: 'Ada Lovelace' },
    lines,
    totals: {
      subtotal: usd(subtotal),
      discount: usd(0),
      shipping: usd(0),
      tax: usd(0),
      total: usd(subtotal),
    },
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '1 Analytical Way',
      city: 'London',
      postalCode: 'N1 1AA',
      country: 'GB',
    },
    paymentMethod: { type: 'card', token: 'tok_visa' },
    placedAt: new Date().toISOString(),
    settings: {
      approvalThreshold: 500_000,
      approvalWindowMs: 120_000,
      holdTtlSeconds: 900,
      returnWindowMs: 7 * 86_400_000,
      fulfillmentMode: 'auto',
      simulatedStageMs: 1_000,
      dropshipPollMs: 1_000,
    },
    ...patch,
  };
}

export interface SagaHarness {
  client: Client;
  namespace: string;
  inventory: TestInventory;
  processor: PaymentProcessor;
  failures: ReturnType<typeof plannedFailures>;
  /** What the OMS stand-in's startOrder received, by order id. */
  omsStarts: Map<string, OrderWorkflowInput>;
  /** The gateway's call: update-with-start of the saga with placeOrderUpdate. */
  place(
    input: OrderSagaInput,
  ): Promise<{ decision: PlacementDecision; handle: WorkflowHandle<OrderSagaWorkflow> }>;
  handle(orderId: string): WorkflowHandle<OrderSagaWorkflow>;
  state(orderId: string): Promise<OrderSagaState>;
  progress(orderId: string, status: string, failed?: boolean, reason?: string): Promise<void>;
  /** Polls the saga's query until it reaches `status`. */
  until(orderId: string, status: OrderSagaState['status']): Promise<OrderSagaState>;
  /** Money invariants of the order's ledger and stock conservation; returns the ledger's kinds. */
  checkInvariants(orderId: string): Promise<string[]>;
  /** Stops the order-saga worker (in-flight work is abandoned to Temporal) and starts a fresh one: its sagas continue by replay. */
  restartSagaWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh namespace with the REAL order-saga worker (its workflows and payment activities on a
 * real SQLite ledger) on `order-saga`, and small stand-ins of the other domains on their real
 * queues: inventory's hold activities (`inventory`) and OMS (`oms`: startOrder starts a stand-in
 * order workflow that records the saga's cancellation).
 */
export async function startSagaHarness(): Promise<SagaHarness> {
  const namespace = await createTestNamespace('order-saga');
  const temp: TempDatabase = createTempDatabase('order-saga-wf-');
  const failures = plannedFailures();
  const processor = createSimulatedPaymentProcessor({
    ledger: createSqlitePaymentLedger({ db: temp.db }),
    failures: failures.policy,
  });
  const inventory = createTestInventory({ [SKUS.mug]: 50, [SKUS.tee]: 50, [SKUS.lamp]: 20 });
  const omsStarts = new Map<string, OrderWorkflowInput>();
  const workers: TestWorker[] = [];
  const startSagaWorker = () =>
    startTestWorker({
      namespace,
      taskQueue: ORDER_SAGA_TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      activities: createPaymentActivities({ processor }),
    });
  try {
    workers.push(
      await startTestWorker({
        namespace,
        taskQueue: INVENTORY_TASK_QUEUE,
        activities: inventory.activities,
      }),
      await startTestWorker({
        namespace,
        taskQueue: OMS_TASK_QUEUE,
        workflowsPath: OMS_STAND_IN_PATH,
        activities: ({ client }: { client: Client }): Pick<OmsActivities, 'startOrder'> => ({
          async startOrder(input) {
            omsStarts.set(input.order.orderId, input);
            const workflowId = orderWorkflowId(input.order.orderId);
            await client.workflow.start(ORDER_WORKFLOW, {
              workflowId,
              taskQueue: OMS_TASK_QUEUE,
              args: [input],
              workflowIdConflictPolicy: 'USE_EXISTING',
            });
            return { workflowId };
          },
        }),
      }),
    );
    workers.push(await startSagaWorker());
  } catch (error) {
    await Promise.allSettled(workers.map((w) => w.stop()));
    temp.cleanup();
    throw error;
  }
  const { client } = workers[0]!;
  const handle = (orderId: string) =>
    client.workflow.getHandle<OrderSagaWorkflow>(orderSagaWorkflowId(orderId));

  return {
    client,
    namespace,
    inventory,
    processor,
    failures,
    omsStarts,
    async place(input) {
      const startWorkflowOperation = new WithStartWorkflowOperation<OrderSagaWorkflow>(
        ORDER_SAGA_WORKFLOW,
        {
          workflowId: orderSagaWorkflowId(input.orderId),
          taskQueue: ORDER_SAGA_TASK_QUEUE,
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [input],
        },
      );
      const decision = await client.workflow.executeUpdateWithStart(placeOrderUpdate, {
        startWorkflowOperation,
      });
      return { decision, handle: await startWorkflowOperation.workflowHandle() };
    },
    handle,
    state: (orderId) => handle(orderId).query(orderSagaQuery),
    progress: (orderId, status, failed = false, reason) =>
      handle(orderId).signal(orderProgressSignal, {
        orderId,
        status,
        failed,
        ...(reason ? { reason } : {}),
        at: new Date().toISOString(),
      }),
    until: (orderId, status) =>
      eventually(
        async () => {
          const state = await handle(orderId).query(orderSagaQuery);
          return state.status === status ? state : undefined;
        },
        { what: `order ${orderId} ${status}` },
      ),
    async checkInvariants(orderId) {
      const entries = await processor.ledger(orderId);
      assertLedgerInvariants(entries);
      inventory.assertConserved();
      return entries.map((e) => e.kind);
    },
    async restartSagaWorker() {
      const old = workers.pop();
      await old?.stop();
      workers.push(await startSagaWorker());
    },
    async stop() {
      try {
        await Promise.all(workers.map((w) => w.stop()));
      } finally {
        temp.cleanup();
      }
    },
  };
}
