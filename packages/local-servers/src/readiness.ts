import { setTimeout as delay } from 'node:timers/promises';
import { withOutputTail } from './output-tail.js';
import type { ServerProcess } from './server-process.js';

/** A server that exited or was not ready in time; the message ends with its output tail. */
export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
    options?: ErrorOptions,
  ) {
    super(withOutputTail(message, outputTail), options);
    this.name = 'ServerStartError';
  }
}

export interface PollOptions<T> {
  /** The process being waited for; absent for a server someone else runs. */
  server?: ServerProcess;
  /** e.g. "Cassandra" — the subject of error messages. */
  label: string;
  /** What is being waited for, e.g. "\"Startup complete\" in its output". */
  waitingFor: string;
  deadline: number;
  intervalMs?: number;
  /** Returns the result when ready; returns undefined or throws while not ready yet. */
  check: (remainingMs: number) => Promise<T | undefined> | T | undefined;
}

/**
 * Polls `check` until it yields a value. Fails at once (with the output tail) when the server
 * exits, and at the deadline with the last check error and the output tail.
 */
export async function pollUntilReady<T>(options: PollOptions<T>): Promise<T> {
  const { server, label, waitingFor, deadline, intervalMs = 250, check } = options;
  let lastError: unknown;
  for (;;) {
    if (server?.hasExited()) {
      const { code, signal } = await server.exited;
      throw new ServerStartError(
        `${label} (pid ${server.pid}) exited while waiting for ${waitingFor} (exit code ${String(code)}, signal ${String(signal)})`,
        server.outputTail(),
      );
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const last =
        lastError === undefined
          ? ''
          : `; last check: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}`;
      const who = server === undefined ? label : `${label} (pid ${server.pid})`;
      throw new ServerStartError(
        `${who} timed out waiting for ${waitingFor}${last}`,
        server?.outputTail() ?? '',
        {
          cause: lastError,
        },
      );
    }
    try {
      const result = await check(remaining);
      if (result !== undefined) return result;
    } catch (err) {
      lastError = err;
    }
    await Promise.race([delay(intervalMs), ...(server === undefined ? [] : [server.exited])]);
  }
}
