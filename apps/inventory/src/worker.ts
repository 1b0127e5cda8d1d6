import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { INVENTORY_TASK_QUEUE } from '@commerce/contracts/inventory';
import { createInventoryActivities, type InventoryActivityDeps } from './activities/index.js';

export interface InventoryWorkerDeps extends InventoryActivityDeps {
  connection: NativeConnection;
  namespace: string;
  /** Defaults to INVENTORY_TASK_QUEUE. */
  taskQueue?: string;
  /** Where the workflows come from: a prebuilt bundle in production, the source path in tests. */
  workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
}

/** Wiring only: the inventory worker with its activities and workflows on its task queue. */
export async function createInventoryWorker(deps: InventoryWorkerDeps): Promise<Worker> {
  const { connection, namespace, taskQueue = INVENTORY_TASK_QUEUE, workflows, ...activityDeps } = deps;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createInventoryActivities(activityDeps),
    ...workflows,
  });
}
