import type { ChildProcessHandle } from '@commerce/process-kit';
import { Connection } from '@temporalio/client';
import { setTimeout as delay } from 'node:timers/promises';
import { TemporalServerStartError } from './running-server.js';

/** Throws until the server at `address` answers as ready. */
export type ReadinessProbe = (address: string, connectTimeoutMs: number) => Promise<void>;

const WORKFLOW_SERVICE = 'temporal.api.workflowservice.v1.WorkflowService';
/** grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING */
const SERVING = 1;

async function withConnection(
  address: string,
  connectTimeoutMs: number,
  use: (c: Connection) => Promise<void>,
): Promise<void> {
  // Connection.connect already calls getSystemInfo, so a resolved connection means the frontend answers.
  const connection = await Connection.connect({ address, connectTimeout: connectTimeoutMs });
  try {
    await use(connection);
  } finally {
    await connection.close();
  }
}

/** Dev server: frontend health is SERVING (what `temporal operator cluster health` checks) and the namespace exists. */
export function devServerProbe(namespace: string): ReadinessProbe {
  return (address, connectTimeoutMs) =>
    withConnection(address, connectTimeoutMs, async (connection) => {
      const health = await connection.healthService.check({ service: WORKFLOW_SERVICE });
      if (Number(health.status) !== SERVING)
        throw new Error(`health status is ${String(health.status)}, not SERVING`);
      await connection.workflowService.describeNamespace({ namespace });
    });
}

/** Time-skipping test server: it answers getSystemInfo and its TestService. */
export const testServerProbe: ReadinessProbe = (address, connectTimeoutMs) =>
  withConnection(address, connectTimeoutMs, async (connection) => {
    await connection.workflowService.getSystemInfo({});
  });

export interface WaitUntilReadyOptions {
  server: ChildProcessHandle;
  address: string;
  probe: ReadinessProbe;
  timeoutMs: number;
  /** e.g. "Temporal dev server" — used in error messages. */
  label: string;
}

/**
 * Polls `probe` until it passes. Fails fast (with the server's output tail) when the process
 * exits, and after `timeoutMs` with the last probe error and the output tail.
 */
export async function waitUntilReady(options: WaitUntilReadyOptions): Promise<void> {
  const { server, address, probe, timeoutMs, label } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (server.hasExited()) {
      const { code, signal } = await server.exited;
      throw new TemporalServerStartError(
        `${label} (pid ${server.pid}) exited before it was ready (code ${String(code)}, signal ${String(signal)})`,
        server.outputTail(),
      );
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new TemporalServerStartError(
        `${label} (pid ${server.pid}) at ${address} was not ready after ${timeoutMs} ms; last check: ${reason}`,
        server.outputTail(),
        { cause: lastError },
      );
    }
    try {
      await probe(address, Math.max(250, Math.min(2_000, remaining)));
      return;
    } catch (err) {
      lastError = err;
    }
    await Promise.race([delay(200), server.exited]);
  }
}
