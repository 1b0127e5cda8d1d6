import type { Logger } from '@commerce/logging';
import {
  Runtime,
  type LogLevel,
  type LogMetadata,
  type Logger as TemporalLogger,
} from '@temporalio/worker';

const PINO_METHOD = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const satisfies Record<LogLevel, string>;

/** Temporal attributes first, message second (pino's order); an `error` attribute goes under `err`. */
function attributes(meta: LogMetadata | undefined): Record<string, unknown> {
  if (meta === undefined) return {};
  const { error, ...rest } = meta as Record<string, unknown>;
  return error === undefined ? rest : { ...rest, err: error };
}

/** A Temporal `Logger` that forwards SDK, workflow and activity logs to a pino logger. */
export function createTemporalLogger(logger: Logger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    logger[PINO_METHOD[level] ?? 'info'](attributes(meta), message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

export interface InstallTemporalRuntimeOptions {
  /**
   * Signals on which the SDK itself shuts every worker down. Default: none — the process entry
   * owns signals through `runWorkerUntilSignal`, which logs and drains.
   */
  shutdownSignals?: NodeJS.Signals[];
}

let installed: Runtime | undefined;

/**
 * Installs the SDK Runtime once per process with the pino-backed logger; native (core) logs are
 * forwarded to it too (WARN and above). Later calls return the same Runtime.
 */
export function installTemporalRuntime(
  logger: Logger,
  options: InstallTemporalRuntimeOptions = {},
): Runtime {
  installed ??= Runtime.install({
    logger: createTemporalLogger(logger),
    shutdownSignals: options.shutdownSignals ?? [],
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
  });
  return installed;
}
