import { findFreePorts } from '@commerce/process-kit';
import { Client } from 'cassandra-driver';
import { join } from 'node:path';
import {
  launcherEnvironment,
  readLocalServersSettings,
  type LocalServersSettings,
} from './config.js';
import { prepareDataDir } from './data-dir.js';
import { requireJava } from './java.js';
import { assertPortFree, LOOPBACK } from './ports.js';
import { pollUntilReady, ServerStartError } from './readiness.js';
import { spawnServer } from './server-process.js';

/** The datacenter of the local node (SimpleSnitch), for cassandra-driver's `localDataCenter`. */
export const LOCAL_DATACENTER = 'datacenter1';

export interface StartCassandraOptions {
  /** CQL native transport port; absent: a free one. */
  nativePort?: number;
  /** Inter-node storage port (bound even by a single node); absent: a free one. */
  storagePort?: number;
  /** Data, commit log, rendered conf; absent: a throwaway temp folder, removed by stop(). */
  dataDir?: string;
  /** Also write the node's output here. */
  logFile?: string;
  /** Give up waiting for readiness after this long (default 240 s; 20–40 s is usual). */
  startTimeoutMs?: number;
  /** Survive this process (see SpawnServerOptions.detached); needs logFile. */
  detached?: boolean;
  settings?: LocalServersSettings;
  /** Called with the server PID right after spawning (e.g. to record it before readiness). */
  onSpawn?: (pid: number) => void;
}

export interface RunningCassandra {
  /** `['127.0.0.1:<nativePort>']`, for cassandra-driver's `contactPoints`. */
  contactPoints: string[];
  localDataCenter: string;
  nativePort: number;
  storagePort: number;
  pid: number;
  dataDir: string;
  /** `release_version` of system.local, e.g. 5.0.9. */
  releaseVersion: string;
  /** From spawn to the first answered `SELECT release_version FROM system.local`. */
  startupMs: number;
  outputTail: () => string;
  /** SIGTERM (SIGKILL after 60 s; a clean stop flushes in ~7 s), then removes a throwaway data folder. */
  stop: () => Promise<void>;
}

const STARTUP_COMPLETE = 'Startup complete';
const GRACE_MS = 60_000;

async function releaseVersion(
  contactPoints: readonly string[],
  localDataCenter: string,
  remainingMs: number,
): Promise<string> {
  const timeout = Math.max(1_000, Math.min(10_000, remainingMs));
  const client = new Client({
    contactPoints: [...contactPoints],
    localDataCenter,
    socketOptions: { connectTimeout: timeout, readTimeout: timeout },
    pooling: { warmup: false },
  });
  try {
    const result = await client.execute('SELECT release_version FROM system.local');
    const version: unknown = result.first()?.get('release_version');
    if (typeof version !== 'string') throw new Error('system.local has no release_version');
    return version;
  } finally {
    await client.shutdown();
  }
}

/**
 * Starts the Cassandra 5.0 node of infra/cassandra (run `ensureCassandraInstalled` first) and
 * resolves once its output says "Startup complete" and cassandra-driver reads system.local.
 */
export async function startCassandra(
  options: StartCassandraOptions = {},
): Promise<RunningCassandra> {
  const portsChosenHere = options.nativePort === undefined && options.storagePort === undefined;
  try {
    return await startCassandraOnce(options);
  } catch (err) {
    // Free ports are picked before the JVM binds them (the native port ~20 s later): if another
    // process took one meanwhile, try once more with new ports.
    const clash =
      err instanceof ServerStartError &&
      /Address already in use|Failed to bind port/.test(err.outputTail);
    if (!portsChosenHere || !clash) throw err;
    return await startCassandraOnce(options);
  }
}

async function startCassandraOnce(options: StartCassandraOptions): Promise<RunningCassandra> {
  const settings = options.settings ?? readLocalServersSettings();
  const { startTimeoutMs = 240_000, detached = false } = options;
  if (options.nativePort !== undefined)
    await assertPortFree(options.nativePort, 'Cassandra native transport');
  if (options.storagePort !== undefined)
    await assertPortFree(options.storagePort, 'Cassandra storage');
  const free = await findFreePorts(3);
  const nativePort = options.nativePort ?? free.find((p) => p !== options.storagePort) ?? 0;
  const storagePort = options.storagePort ?? free.find((p) => p !== nativePort) ?? 0;
  if (nativePort === storagePort)
    throw new RangeError(`native and storage ports must differ (both ${nativePort})`);
  const java = await requireJava(settings);
  const dataDir = prepareDataDir(options.dataDir, 'commerce-cassandra');
  const started = Date.now();
  let server;
  try {
    server = await spawnServer({
      script: join(settings.infraDir, 'cassandra', 'start.sh'),
      args: [String(nativePort), String(storagePort), dataDir.path],
      env: launcherEnvironment(settings, java),
      ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
      detached,
      graceMs: GRACE_MS,
    });
  } catch (err) {
    dataDir.release();
    throw err;
  }
  const running = server;
  options.onSpawn?.(running.pid);
  const stop = async (): Promise<void> => {
    await running.stop();
    dataDir.release();
  };
  const contactPoint = `${LOOPBACK}:${nativePort}`;
  try {
    const deadline = started + startTimeoutMs;
    // The tail is a sliding window, so remember once the line has been seen.
    let startupComplete = false;
    await pollUntilReady({
      server: running,
      label: 'Cassandra',
      waitingFor: `"${STARTUP_COMPLETE}" in its output`,
      deadline,
      check: () => {
        startupComplete ||= running.outputTail().includes(STARTUP_COMPLETE);
        return startupComplete ? true : undefined;
      },
    });
    const version = await pollUntilReady({
      server: running,
      label: 'Cassandra',
      waitingFor: `SELECT release_version FROM system.local on ${contactPoint}`,
      deadline,
      intervalMs: 500,
      check: (remaining) => releaseVersion([contactPoint], LOCAL_DATACENTER, remaining),
    });
    return {
      contactPoints: [contactPoint],
      localDataCenter: LOCAL_DATACENTER,
      nativePort,
      storagePort,
      pid: running.pid,
      dataDir: dataDir.path,
      releaseVersion: version,
      startupMs: Date.now() - started,
      outputTail: running.outputTail,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Waits until a Cassandra someone else runs (docker compose, CASSANDRA_CONTACT_POINTS) answers
 * `SELECT release_version FROM system.local`; resolves with that version.
 */
export async function waitForCassandra(
  contactPoints: readonly string[],
  options: { localDataCenter?: string; timeoutMs?: number } = {},
): Promise<string> {
  const { localDataCenter = LOCAL_DATACENTER, timeoutMs = 120_000 } = options;
  if (contactPoints.length === 0) throw new RangeError('no Cassandra contact points given');
  return await pollUntilReady({
    label: `Cassandra at ${contactPoints.join(',')}`,
    waitingFor: 'SELECT release_version FROM system.local',
    deadline: Date.now() + timeoutMs,
    intervalMs: 1_000,
    check: (remaining) => releaseVersion(contactPoints, localDataCenter, remaining),
  });
}
