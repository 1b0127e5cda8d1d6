import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@commerce/config';
import { createLogger, type Logger } from '@commerce/logging';
import type { Client } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { connectClient, connectWorkerConnection } from './connect.js';
import { runWorkerUntilSignal } from './run-worker.js';
import { installTemporalRuntime } from './temporal-logger.js';
import { workflowSource } from './workflow-source.js';
import type { WorkerSettings } from './worker-settings.js';

/** Something to release when the process stops (a store client, a database, a timer). */
export type Closer = () => unknown;

export interface WorkerSetupContext<C extends WorkerSettings> {
  config: C;
  /** The process's root logger (`<name>-worker`). */
  logger: Logger;
  /** A client of the worker's namespace (signal other workflows, start children by id, ...). */
  client: Client;
  /** Registers a closer; closers run in reverse order of registration on shutdown, before the client and connection close. */
  onClose: (close: Closer) => void;
}

/** Worker options an app may tune; connection, namespace, task queue, workflows and activities are the kit's. */
export type TunableWorkerOptions = Omit<
  WorkerOptions,
  'connection' | 'namespace' | 'taskQueue' | 'activities' | 'workflowsPath' | 'workflowBundle'
>;

export interface WorkerSetup {
  /** The activities this worker registers on its queue (`create<Domain>Activities(deps)`). */
  activities: object;
  /** Extra attributes for the `<name> worker starting` log line (e.g. which stores were selected). */
  description?: Record<string, unknown>;
  workerOptions?: TunableWorkerOptions;
}

export interface WorkerProcessSpec<C extends WorkerSettings> {
  /** The domain, e.g. `inventory`: the logger is `inventory-worker`. */
  name: string;
  /** The contract's task queue constant. */
  taskQueue: string;
  /** The app's config.ts loader (the only reader of process.env); throws ConfigError. */
  loadConfig: () => C;
  /**
   * `new URL('./workflows/index.js', import.meta.url)` from main.ts. Run from src with tsx the
   * `.ts` twin is used; the prebuilt bundle is `../workflow-bundle.js` from it (dist/workflow-bundle.js).
   */
  workflowsUrl: URL;
  /** Opens the stores and builds the activities; registers what to close with `onClose`. */
  setup: (context: WorkerSetupContext<C>) => Promise<WorkerSetup>;
  /** How long to keep retrying Temporal at start (default 60 s). */
  readyTimeoutMs?: number;
  /** Signals that stop the worker gracefully (default SIGINT, SIGTERM). */
  signals?: NodeJS.Signals[];
}

/** Exit code of a process whose configuration is invalid (every problem printed to stderr). */
export const CONFIG_ERROR_EXIT_CODE = 2;

/** The workflows entry: the URL's file, or its `.ts` twin when running from source. */
export function resolveWorkflowsPath(workflowsUrl: URL): string {
  const path = fileURLToPath(workflowsUrl);
  if (existsSync(path) || !path.endsWith('.js')) return path;
  const source = `${path.slice(0, -'.js'.length)}.ts`;
  return existsSync(source) ? source : path;
}

/** Where the build writes the bundle for this workflows entry: `<dist>/workflow-bundle.js`. */
export function defaultBundlePath(workflowsUrl: URL): string {
  return fileURLToPath(new URL('../workflow-bundle.js', workflowsUrl));
}

/**
 * The whole process entry of a domain worker: config (a ConfigError prints every problem to
 * stderr and exits with code 2) → pino logger → Temporal runtime → worker connection and client
 * (retried until Temporal answers) → `setup` (stores, activities) → a Worker on `taskQueue` with
 * the prebuilt bundle (or the workflows entry in development) → run until SIGINT/SIGTERM, drain →
 * every closer in reverse order, then the client and the connection. Sets `process.exitCode`
 * (1 on failure) rather than exiting, so stdout is flushed.
 */
export async function runWorkerProcess<C extends WorkerSettings>(
  spec: WorkerProcessSpec<C>,
): Promise<void> {
  const { name, taskQueue, signals = ['SIGINT', 'SIGTERM'] } = spec;
  let config: C;
  try {
    config = spec.loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${name} worker: ${err.message}\n`);
    process.exitCode = CONFIG_ERROR_EXIT_CODE;
    return;
  }

  const logger = createLogger({ name: `${name}-worker`, level: config.LOG_LEVEL });
  installTemporalRuntime(logger);
  const address = config.TEMPORAL_ADDRESS;
  const namespace = config.TEMPORAL_NAMESPACE;

  // A signal during start-up (Temporal unreachable, stores migrating) stops the start cleanly.
  const starting = new AbortController();
  const stopStarting = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, `${name} worker stopping before it started`);
    starting.abort(new Error(`${signal} during start-up`));
  };
  for (const signal of signals) process.on(signal, stopStarting);

  const closers: { what: string; close: Closer }[] = [];
  try {
    const connection: NativeConnection = await connectWorkerConnection({
      address,
      logger,
      abortSignal: starting.signal,
      ...(spec.readyTimeoutMs !== undefined ? { readyTimeoutMs: spec.readyTimeoutMs } : {}),
    });
    closers.push({ what: 'worker connection', close: () => connection.close() });
    const client = await connectClient({
      address,
      namespace,
      logger,
      abortSignal: starting.signal,
      ...(spec.readyTimeoutMs !== undefined ? { readyTimeoutMs: spec.readyTimeoutMs } : {}),
    });
    closers.push({ what: 'client', close: () => client.connection.close() });

    const appClosers: Closer[] = [];
    closers.push({
      what: `${name} resources`,
      close: async () => {
        for (const close of appClosers.reverse()) {
          try {
            await close();
          } catch (err) {
            logger.error({ err }, `closing a ${name} resource failed`);
            process.exitCode = 1;
          }
        }
      },
    });
    const {
      activities,
      description = {},
      workerOptions = {},
    } = await spec.setup({
      config,
      logger,
      client,
      onClose: (close) => appClosers.push(close),
    });
    starting.signal.throwIfAborted();

    const workflowsPath = resolveWorkflowsPath(spec.workflowsUrl);
    const worker = await Worker.create({
      ...workerOptions,
      connection,
      namespace,
      taskQueue,
      activities,
      ...workflowSource({
        workflowsPath,
        bundlePath: config.WORKFLOW_BUNDLE ?? defaultBundlePath(spec.workflowsUrl),
        requireBundle: config.WORKFLOW_BUNDLE !== undefined,
      }),
    });
    starting.signal.throwIfAborted();
    logger.info({ address, namespace, taskQueue, ...description }, `${name} worker starting`);
    for (const signal of signals) process.off(signal, stopStarting);
    await runWorkerUntilSignal({ worker, logger, signals });
  } catch (err) {
    if (starting.signal.aborted) {
      logger.info({ reason: String(starting.signal.reason) }, `${name} worker did not start`);
    } else {
      logger.error({ err }, `${name} worker failed`);
      process.exitCode = 1;
    }
  } finally {
    for (const signal of signals) process.off(signal, stopStarting);
    for (const { what, close } of closers.reverse()) {
      logger.debug({ closing: what }, 'closing');
      try {
        await close();
      } catch (err) {
        logger.error({ err, closing: what }, `closing the ${what} failed`);
        process.exitCode = 1;
      }
    }
    logger.info(`${name} worker stopped`);
  }
}
