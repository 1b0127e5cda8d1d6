import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import { OMS_TASK_QUEUE, orderWorkflowId } from '@commerce/contracts/oms';
import {
  FULFILLMENT_TASK_QUEUE,
  type FulfillmentInput,
  type FulfillmentStatusUpdate,
  type FulfillmentWorkflow,
  type SupplierOrderPlan,
} from '@commerce/contracts/fulfillment';
import { createTestNamespace, startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { createFulfillmentActivities } from '../../src/activities/index.js';
import { createSimulatedDropshipper } from '../../src/adapters/dropship/simulated-dropshipper.js';
import { createRecordNotifier } from '../../src/adapters/notifier/record-notifier.js';
import { createSqliteNotificationLog } from '../../src/adapters/sqlite/sqlite-notification-log.js';
import { createSqliteSupplierOrderRepository } from '../../src/adapters/sqlite/sqlite-supplier-order-repository.js';
import { createSqliteSupplierOrderSearch } from '../../src/adapters/sqlite/sqlite-supplier-order-search.js';
import type { NotificationLog } from '../../src/ports/notification-log.js';
import type { SupplierOrderRepository } from '../../src/ports/supplier-order-repository.js';
import type { SupplierOrderSearch } from '../../src/ports/supplier-order-search.js';
import {
  omsStandInWorkflow,
  receivedStatusesQuery,
  stopStandInSignal,
} from '../workflows/support/oms-stand-in-workflows.js';
import { fulfillmentInput } from './fixtures.js';
import { createTempDatabase, type TempDatabase } from './temp-database.js';
import { createTestInventory, type TestInventory } from './test-inventory.js';

const workflowsPath = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));
const omsStandInPath = fileURLToPath(
  new URL('../workflows/support/oms-stand-in-workflows.ts', import.meta.url),
);

export interface FulfillmentHarness {
  /** A client of the test namespace. */
  fulfillment: TestWorker;
  inventory: TestInventory;
  supplierOrders: SupplierOrderRepository;
  notifications: NotificationLog;
  search: SupplierOrderSearch;
  activities: ReturnType<typeof createFulfillmentActivities>;
  /**
   * A new order: its confirmed hold, the OMS stand-in workflow, and fulfillment started the way
   * OMS starts it (the startFulfillment activity). Returns the input and the workflow's handle.
   */
  startOrder(options: {
    supplierOrders: (orderId: string) => SupplierOrderPlan[];
    mode?: 'auto' | 'manual';
    simulatedStageMs?: number;
    line1?: string;
  }): Promise<{ input: FulfillmentInput; handle: WorkflowHandle<FulfillmentWorkflow> }>;
  /** What the OMS stand-in of the order received, in order. */
  omsReceived(orderId: string): Promise<FulfillmentStatusUpdate[]>;
  stop(): Promise<void>;
}

/**
 * A fresh test namespace with the REAL fulfillment worker (its workflows and activities on
 * FULFILLMENT_TASK_QUEUE, stores on a SQLite file, the record notifier, the simulated
 * dropshipper), a stand-in for inventory's hold transitions on INVENTORY_TASK_QUEUE and a
 * stand-in OMS order workflow on OMS_TASK_QUEUE that collects the fulfillmentStatus signals.
 */
export async function startFulfillmentHarness(options: {
  dropshipStageMs: number;
}): Promise<FulfillmentHarness> {
  const namespace = await createTestNamespace('fulfillment');
  const temp: TempDatabase = createTempDatabase('fulfillment-workflows-');
  const supplierOrders = createSqliteSupplierOrderRepository({ db: temp.db });
  const notifications = createSqliteNotificationLog({ db: temp.db });
  const search = createSqliteSupplierOrderSearch({ db: temp.db });
  const inventory = createTestInventory();
  let activities: ReturnType<typeof createFulfillmentActivities> | undefined;
  const workers: TestWorker[] = [];
  try {
    const fulfillment = await startTestWorker({
      workflowsPath,
      namespace,
      taskQueue: FULFILLMENT_TASK_QUEUE,
      activities: ({ client }) =>
        (activities = createFulfillmentActivities({
          client,
          supplierOrders,
          notifications,
          search,
          notifier: createRecordNotifier(),
          dropshipper: createSimulatedDropshipper({
            stageMs: options.dropshipStageMs,
            rejectionRate: 0,
          }),
        })),
    });
    workers.push(fulfillment);
    workers.push(
      await startTestWorker({
        namespace,
        taskQueue: INVENTORY_TASK_QUEUE,
        activities: inventory.activities,
      }),
    );
    workers.push(
      await startTestWorker({
        workflowsPath: omsStandInPath,
        namespace,
        taskQueue: OMS_TASK_QUEUE,
      }),
    );
    const { client } = fulfillment;
    const startedActivities = activities;
    if (startedActivities === undefined)
      throw new Error('the fulfillment activities were not built');

    return {
      fulfillment,
      inventory,
      supplierOrders,
      notifications,
      search,
      activities: startedActivities,
      async startOrder(order) {
        const orderId = `order-${randomUUID().slice(0, 8)}`;
        const omsWorkflowId = orderWorkflowId(orderId);
        const plans = order.supplierOrders(orderId);
        const input = fulfillmentInput({
          orderId,
          omsWorkflowId,
          supplierOrders: plans,
          ...(order.mode === undefined ? {} : { mode: order.mode }),
          ...(order.simulatedStageMs === undefined
            ? {}
            : { simulatedStageMs: order.simulatedStageMs }),
          ...(order.line1 === undefined ? {} : { line1: order.line1 }),
        });
        inventory.confirmedHold(
          input.holdId,
          plans.flatMap((plan) => plan.lines.map((line) => line.sku)),
        );
        await client.workflow.start(omsStandInWorkflow, {
          workflowId: omsWorkflowId,
          taskQueue: OMS_TASK_QUEUE,
        });
        const { workflowId } = await startedActivities.startFulfillment(input);
        return { input, handle: client.workflow.getHandle<FulfillmentWorkflow>(workflowId) };
      },
      async omsReceived(orderId) {
        return await client.workflow
          .getHandle(orderWorkflowId(orderId))
          .query(receivedStatusesQuery);
      },
      async stop() {
        for (const worker of workers.reverse()) await worker.stop();
        temp.cleanup();
      },
    };
  } catch (error) {
    for (const worker of workers.reverse()) await worker.stop();
    temp.cleanup();
    throw error;
  }
}

export { stopStandInSignal };
