/**
 * What the worker health probe reads from the environment (the only reader in this package). It
 * runs inside a worker's container, so it sees that worker's TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE;
 * the image sets HEALTHCHECK_TASK_QUEUE. Parsed by hand: the probe may import nothing but
 * `@temporalio/client` and Node (it runs from the app's node_modules).
 */
export interface WorkerHealthConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** A poller counts as alive when it polled within this long (long polls last about a minute). */
  maxPollAgeMs: number;
  /** Deadline for connecting and asking the server. */
  timeoutMs: number;
}

function integer(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    problems.push(`${name}: expected a positive integer (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return value;
}

export function loadWorkerHealthConfig(
  env: Record<string, string | undefined> = process.env,
): WorkerHealthConfig {
  const problems: string[] = [];
  const taskQueue = env.HEALTHCHECK_TASK_QUEUE?.trim() ?? '';
  if (taskQueue === '')
    problems.push('HEALTHCHECK_TASK_QUEUE: required (the task queue this container polls)');
  const config = {
    address: env.TEMPORAL_ADDRESS?.trim() || '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    taskQueue,
    maxPollAgeMs: integer(env, 'HEALTHCHECK_MAX_POLL_AGE_MS', 150_000, problems),
    timeoutMs: integer(env, 'HEALTHCHECK_TIMEOUT_MS', 5_000, problems),
  };
  if (problems.length > 0)
    throw new Error(`invalid health check configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
