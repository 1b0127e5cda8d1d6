import type { Connection } from '@temporalio/client';

/** temporal.api.enums.v1.TaskQueueType (the proto enum is not exported by @temporalio/client). */
const TASK_QUEUE_TYPES = { workflow: 1, activity: 2 } as const;

export interface PollerSummary {
  identity: string;
  type: keyof typeof TASK_QUEUE_TYPES;
  /** Milliseconds since its last poll. */
  ageMs: number;
}

export interface WorkerPollingCheck {
  ok: boolean;
  /** Pollers whose identity ends with `identitySuffix` and that polled recently. */
  alive: PollerSummary[];
  /** Every other poller of the queue (other hosts, or stale). */
  others: PollerSummary[];
}

export interface WorkerPollingOptions {
  namespace: string;
  taskQueue: string;
  /**
   * The SDK's default worker identity is `<pid>@<hostname>`; inside a container the hostname is
   * the container's, so `@<hostname>` picks this container's worker.
   */
  identitySuffix: string;
  maxPollAgeMs: number;
  now?: number;
}

/** google.protobuf.Timestamp as the client decodes it (seconds is a Long). */
type Timestamp =
  { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;

function toMillis(time: Timestamp): number | undefined {
  const seconds = time?.seconds;
  if (seconds === null || seconds === undefined) return undefined;
  const value = typeof seconds === 'number' ? seconds : seconds.toNumber();
  return value * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
}

/**
 * Liveness of a worker process as the server sees it: a poller of `taskQueue` (workflow or
 * activity side) with this container's identity that polled within `maxPollAgeMs`.
 */
export async function checkWorkerPolling(
  connection: Pick<Connection, 'workflowService'>,
  options: WorkerPollingOptions,
): Promise<WorkerPollingCheck> {
  const { namespace, taskQueue, identitySuffix, maxPollAgeMs, now = Date.now() } = options;
  const alive: PollerSummary[] = [];
  const others: PollerSummary[] = [];
  for (const type of Object.keys(TASK_QUEUE_TYPES) as (keyof typeof TASK_QUEUE_TYPES)[]) {
    const response = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: TASK_QUEUE_TYPES[type],
    });
    for (const poller of response.pollers ?? []) {
      const identity = poller.identity ?? '';
      const last = toMillis(poller.lastAccessTime);
      const summary = { identity, type, ageMs: last === undefined ? Infinity : now - last };
      if (identity.endsWith(identitySuffix) && summary.ageMs <= maxPollAgeMs) alive.push(summary);
      else others.push(summary);
    }
  }
  return { ok: alive.length > 0, alive, others };
}
