import { fileURLToPath } from 'node:url';
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { FULFILLMENT_TASK_QUEUE, fulfillmentWorkflowId, type FulfillmentInput, type FulfillmentStatusUpdate, type SupplierOrderStatus } from '@commerce/contracts/fulfillment';
import { INVENTORY_TASK_QUEUE, type ReceiveStockInput, type StockLevel } from '@commerce/contracts/inventory';
import { OMS_TASK_QUEUE, fulfillmentStatusSignal, orderQuery, type OrderView, type OrderWorkflow, type OrderWorkflowInput, type SaveOrderInput } from '@commerce/contracts/oms';
import { ORDER_SAGA_TASK_QUEUE, orderSagaWorkflowId, type LedgerEntry, type RefundPaymentInput } from '@commerce/contracts/order-saga';
import type { OrderSearchWriter } from '@commerce/order-search';
import { createTestNamespace, eventually, startTestWorker, workflowBundle, type TestWorker } from '@commerce/test-kit/worker';
import { createOmsActivities } from '../../src/activities/index.js';
import type { OrderRepository } from '../../src/ports/order-repository.js';
import type { TimelineRepository } from '../../src/ports/timeline-repository.js';

export const workflowsPath = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));
export const standInsPath = fileURLToPath(new URL('../workflows/stand-ins/index.ts', import.meta.url));

export interface OmsHarnessStores {
  orders: OrderRepository;
  timeline: TimelineRepository;
  search: OrderSearchWriter;
}

/**
 * A fresh namespace with the REAL OMS worker (real activities on the given stores) on `oms`, and
 * small stand-ins of the other domains on their real queues: fulfillment (startFulfillment
 * starts a stand-in workflow that records cancellations), the order saga (a stand-in saga
 * workflow recording orderProgress, refundPayment recording refunds) and inventory
 * (receiveStock recording receipts).
 */
export async function startOmsHarness(stores: OmsHarnessStores, options: { projectionFlushMs?: number } = {}) {
  const namespace = await createTestNamespace('oms');
  const bundle = await workflowBundle(standInsPath);
  const started: FulfillmentInput[] = [];
  const refunds = new Map<string, RefundPaymentInput>();
  const receipts = new Map<string, ReceiveStockInput>();
  /** projectOrder calls per order id. */
  const flushes = new Map<string, number>();
  const workers: TestWorker[] = [];
  try {
    const oms = await startTestWorker({
      workflowsPath,
      namespace,
      taskQueue: OMS_TASK_QUEUE,
      activities: ({ client }) => {
        const real = createOmsActivities({ ...stores, client, projectionFlushMs: options.projectionFlushMs ?? 200, heartbeatMs: 1_000 });
        return {
          ...real,
          projectOrder: async (input: SaveOrderInput) => {
            flushes.set(input.view.orderId, (flushes.get(input.view.orderId) ?? 0) + 1);
            await real.projectOrder(input);
          },
        };
      },
    });
    workers.push(oms);
    workers.push(
      await startTestWorker({
        workflowBundle: bundle,
        namespace,
        taskQueue: FULFILLMENT_TASK_QUEUE,
        activities: ({ client }: { client: Client }) => ({
          startFulfillment: async (input: FulfillmentInput) => {
            started.push(input);
            const workflowId = fulfillmentWorkflowId(input.orderId);
            try {
              await client.workflow.start('fulfillmentStandInWorkflow', { taskQueue: FULFILLMENT_TASK_QUEUE, workflowId, args: [input] });
            } catch (error) {
              if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
            }
            return { workflowId };
          },
        }),
      }),
    );
    workers.push(
      await startTestWorker({
        workflowBundle: bundle,
        namespace,
        taskQueue: ORDER_SAGA_TASK_QUEUE,
        activities: {
          refundPayment: (input: RefundPaymentInput): Promise<LedgerEntry> => {
            if (!refunds.has(input.refundId)) refunds.set(input.refundId, input);
            return Promise.resolve({ entryId: input.refundId, orderId: input.orderId, kind: 'refund', amount: input.amount, operationKey: input.refundId, reason: input.reason, createdAt: new Date().toISOString() });
          },
        },
      }),
    );
    workers.push(
      await startTestWorker({
        namespace,
        taskQueue: INVENTORY_TASK_QUEUE,
        activities: {
          receiveStock: (input: ReceiveStockInput): Promise<StockLevel> => {
            if (!receipts.has(input.receiptId)) receipts.set(input.receiptId, input);
            return Promise.resolve({ sku: input.sku, onHand: input.quantity, available: input.quantity, held: 0, confirmed: 0, allocated: 0, lowStockThreshold: 0, lowStock: false, version: 1, updatedAt: new Date().toISOString() });
          },
        },
      }),
    );
  } catch (error) {
    await Promise.allSettled(workers.map((w) => w.stop()));
    throw error;
  }
  const client = workers[0]!.client;
  const activities = createOmsActivities({ ...stores, client, projectionFlushMs: options.projectionFlushMs ?? 200 });

  return {
    namespace,
    client,
    started,
    refunds,
    receipts,
    flushes,
    /** Starts the saga stand-in, then hands the order to OMS through the real startOrder activity. */
    async placeOrder(input: OrderWorkflowInput): Promise<WorkflowHandle<OrderWorkflow>> {
      await client.workflow.start('sagaStandInWorkflow', { taskQueue: ORDER_SAGA_TASK_QUEUE, workflowId: orderSagaWorkflowId(input.order.orderId), args: [{ orderId: input.order.orderId }] });
      const { workflowId } = await activities.startOrder(input);
      return client.workflow.getHandle<OrderWorkflow>(workflowId);
    },
    startOrder: activities.startOrder,
    /** Plays fulfillment: one supplier-order transition signalled to the order. */
    async report(handle: WorkflowHandle<OrderWorkflow>, supplierOrderId: string, status: SupplierOrderStatus, extra: Partial<FulfillmentStatusUpdate> = {}) {
      const [orderId = '', supplierId = ''] = supplierOrderId.split(':');
      await handle.signal(fulfillmentStatusSignal, { orderId, supplierOrderId, supplierId, status, trackingNumber: status === 'shipped' ? `TRK-${supplierId}` : null, reason: '', at: new Date().toISOString(), ...extra });
    },
    /** Waits until the order view satisfies `check`. */
    async until(handle: WorkflowHandle<OrderWorkflow>, check: (view: OrderView) => boolean, what: string): Promise<OrderView> {
      return await eventually(async () => {
        const view = await handle.query(orderQuery);
        return check(view) ? view : undefined;
      }, { timeoutMs: 30_000, what });
    },
    async stop() {
      const results = await Promise.allSettled(workers.map((w) => w.stop()));
      for (const r of results) if (r.status === 'rejected') throw r.reason;
    },
  };
}

export type OmsHarness = Awaited<ReturnType<typeof startOmsHarness>>;
