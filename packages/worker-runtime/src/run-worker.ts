import type { Logger } from '@commerce/logging';
import type { Worker } from '@temporalio/worker';

export interface RunWorkerOptions {
  worker: Worker;
  logger: Logger;
  /** Process signals that start a graceful shutdown. */
  signals?: NodeJS.Signals[];
  /** Also shuts down when aborted (tests, or an app's own shutdown path). */
  abortSignal?: AbortSignal;
}

/**
 * Runs the worker until SIGINT/SIGTERM (or `abortSignal`), then shuts it down gracefully:
 * polling stops, in-flight tasks finish, `run()` resolves. Resolves when the worker has stopped;
 * rejects if it failed. Signal listeners are removed afterwards.
 */
export async function runWorkerUntilSignal(options: RunWorkerOptions): Promise<void> {
  const { worker, logger, signals = ['SIGINT', 'SIGTERM'], abortSignal } = options;
  const taskQueue = worker.options.taskQueue;

  const shutdown = (reason: string): void => {
    if (worker.getState() !== 'RUNNING') {
      logger.info({ taskQueue, reason, state: worker.getState() }, 'worker already shutting down');
      return;
    }
    logger.info({ taskQueue, reason }, 'shutting down worker');
    try {
      worker.shutdown();
    } catch (err) {
      logger.warn({ taskQueue, err }, 'worker shutdown request failed');
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => shutdown(signal);
  const onAbort = (): void => shutdown('abort');

  for (const signal of signals) process.on(signal, onSignal);
  abortSignal?.addEventListener('abort', onAbort, { once: true });
  try {
    const running = worker.run();
    logger.info({ taskQueue }, 'worker running');
    if (abortSignal?.aborted) shutdown('abort');
    await running;
    logger.info({ taskQueue }, 'worker stopped');
  } catch (err) {
    logger.error({ taskQueue, err }, 'worker failed');
    throw err;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    abortSignal?.removeEventListener('abort', onAbort);
  }
}
