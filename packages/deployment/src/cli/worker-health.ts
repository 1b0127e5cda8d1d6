#!/usr/bin/env node
// A worker container's HEALTHCHECK: healthy when the Temporal server lists a recent poller of the
// container's task queue with this container's identity (`<pid>@<hostname>`). It needs no port
// in the worker and no change to its code; it is also false when Temporal itself is unreachable,
// which for a worker means the same thing: it cannot do its job.
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import { loadWorkerHealthConfig } from '../config.js';
import { checkWorkerPolling } from '../worker-polling.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadWorkerHealthConfig();
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const identitySuffix = `@${hostname()}`;
  let connection: Connection | undefined;
  const deadline = setTimeout(() => {
    console.error(
      `unhealthy: no answer from Temporal at ${config.address} within ${config.timeoutMs} ms`,
    );
    process.exit(1);
  }, config.timeoutMs);
  try {
    connection = await Connection.connect({
      address: config.address,
      connectTimeout: config.timeoutMs,
    });
    const check = await checkWorkerPolling(connection, {
      namespace: config.namespace,
      taskQueue: config.taskQueue,
      identitySuffix,
      maxPollAgeMs: config.maxPollAgeMs,
    });
    const describe = (p: { identity: string; type: string; ageMs: number }) =>
      `${p.identity} (${p.type}, ${Number.isFinite(p.ageMs) ? `${Math.round(p.ageMs / 1000)} s ago` : 'never'})`;
    if (check.ok) {
      console.log(`healthy: ${check.alive.map(describe).join(', ')} polls ${config.taskQueue}`);
      return 0;
    }
    console.error(
      `unhealthy: no poller of task queue ${config.taskQueue} with identity *${identitySuffix} ` +
        `within ${config.maxPollAgeMs} ms` +
        (check.others.length > 0 ? `; others: ${check.others.map(describe).join(', ')}` : ''),
    );
    return 1;
  } catch (err) {
    console.error(`unhealthy: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    clearTimeout(deadline);
    await connection?.close().catch(() => undefined);
  }
}

process.exitCode = await main();
