import { Client, Connection } from '@temporalio/client';
import {
  NativeConnection,
  Worker,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { testTemporalAddress, testTemporalNamespace, uniqueTaskQueue } from '../temporal.js';
import { installQuietTemporalRuntime } from './quiet-runtime.js';
import { workflowBundle } from './workflow-bundle.js';

/** Builds a worker's activities with the test worker's client (activities that signal or start workflows). */
export type ActivitiesFactory = (context: { client: Client }) => object;

export interface StartTestWorkerOptions {
  /** The app's `src/workflows/index.ts`; bundled once per file and path (see `workflowBundle`). */
  workflowsPath?: string;
  /** A bundle to run instead (wins over `workflowsPath`). Neither: an activity-only worker. */
  workflowBundle?: WorkflowBundleWithSourceMap;
  /**
   * The activities as production builds them (`create<Domain>Activities(deps)` on test stores),
   * or a function of the worker's client for activities that signal or start workflows.
   */
  activities?: object | ActivitiesFactory;
  /** Default: a unique queue. Inside a `createTestNamespace()` namespace, the real queue name. */
  taskQueue?: string;
  /** Default: the run's namespace. */
  namespace?: string;
  /** A worker connection to share (not closed by `stop()`); default: one of the worker's own. */
  connection?: NativeConnection;
  /** Further Worker options (e.g. `maxCachedWorkflows`, `shutdownGraceTime`). */
  workerOptions?: Omit<
    WorkerOptions,
    'connection' | 'namespace' | 'taskQueue' | 'activities' | 'workflowsPath' | 'workflowBundle'
  >;
}

export interface TestWorker {
  /** A client of the worker's namespace. */
  client: Client;
  taskQueue: string;
  namespace: string;
  worker: Worker;
  /** Shuts the worker down, waits until it stopped, closes what it opened; fails if `run()` failed. */
  stop(): Promise<void>;
}

/** A real worker, running, against the run's Temporal dev server; `stop()` it in afterAll. */
export async function startTestWorker(options: StartTestWorkerOptions = {}): Promise<TestWorker> {
  installQuietTemporalRuntime();
  const taskQueue = options.taskQueue ?? uniqueTaskQueue('test');
  const namespace = options.namespace ?? testTemporalNamespace();
  const bundle =
    options.workflowBundle ??
    (options.workflowsPath !== undefined ? await workflowBundle(options.workflowsPath) : undefined);
  const connection =
    options.connection ?? (await NativeConnection.connect({ address: testTemporalAddress() }));
  const closeConnection =
    options.connection === undefined ? () => connection.close() : () => Promise.resolve();
  let clientConnection: Connection | undefined;
  try {
    clientConnection = await Connection.connect({ address: testTemporalAddress() });
    const client = new Client({ connection: clientConnection, namespace });
    const activities: object | undefined =
      typeof options.activities === 'function'
        ? (options.activities as ActivitiesFactory)({ client })
        : options.activities;
    const worker = await Worker.create({
      ...options.workerOptions,
      connection,
      namespace,
      taskQueue,
      ...(activities !== undefined ? { activities } : {}),
      ...(bundle !== undefined ? { workflowBundle: bundle } : {}),
    });
    let failure: unknown;
    const running = worker.run().catch((err: unknown) => {
      failure = err;
    });
    const ownClientConnection = clientConnection;
    return {
      client,
      taskQueue,
      namespace,
      worker,
      async stop() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await ownClientConnection.close();
        await closeConnection();
        if (failure !== undefined) {
          throw failure instanceof Error ? failure : new Error('worker failed', { cause: failure });
        }
      },
    };
  } catch (err) {
    await clientConnection?.close();
    await closeConnection();
    throw err;
  }
}
