import { join } from 'node:path';
import {
  launcherEnvironment,
  readLocalServersSettings,
  type LocalServersSettings,
} from './config.js';
import { prepareDataDir } from './data-dir.js';
import { requireJava } from './java.js';
import { assertPortFree, LOOPBACK } from './ports.js';
import { pollUntilReady } from './readiness.js';
import { spawnServer } from './server-process.js';

export interface StartElasticsearchOptions {
  /** HTTP port; absent or 0: the node binds a free one (read back from its output). */
  port?: number;
  /** path.home of the node; absent: a throwaway temp folder, removed by stop(). */
  dataDir?: string;
  /** Also write the node's output here. */
  logFile?: string;
  /** -Xms/-Xmx (ES_HEAP of start.sh), default 512m. */
  heap?: string;
  /** Give up waiting for readiness after this long (default 180 s). */
  startTimeoutMs?: number;
  /** Survive this process (see SpawnServerOptions.detached); needs logFile. */
  detached?: boolean;
  settings?: LocalServersSettings;
  /** Called with the server PID right after spawning (e.g. to record it before readiness). */
  onSpawn?: (pid: number) => void;
}

export interface RunningElasticsearch {
  /** `http://127.0.0.1:<port>`, for `@elastic/elasticsearch`'s `node`. */
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** From spawn to a 200 of `_cluster/health?wait_for_status=yellow`. */
  startupMs: number;
  outputTail: () => string;
  /** SIGTERM (SIGKILL after 30 s), then removes a throwaway data folder. Idempotent. */
  stop: () => Promise<void>;
}

const HTTP_LINE = /^ELASTICSEARCH_HTTP http:\/\/[^\s:]+:(\d+)\s*$/m;
const HEAP = /^\d+[kmg]$/i;
const GRACE_MS = 30_000;

async function clusterHealthIsYellow(url: string, remainingMs: number): Promise<true> {
  const timeoutS = Math.max(1, Math.min(30, Math.floor(remainingMs / 1000) - 1));
  const response = await fetch(
    `${url}/_cluster/health?wait_for_status=yellow&timeout=${timeoutS}s`,
    {
      signal: AbortSignal.timeout(timeoutS * 1000 + 5_000),
    },
  );
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`_cluster/health answered ${response.status}: ${body.slice(0, 300)}`);
  return true;
}

/**
 * Starts the core Elasticsearch 8.17 node of infra/elasticsearch (run `ensureElasticsearchInstalled`
 * first) and resolves once `GET /_cluster/health?wait_for_status=yellow` answers 200.
 */
export async function startElasticsearch(
  options: StartElasticsearchOptions = {},
): Promise<RunningElasticsearch> {
  const settings = options.settings ?? readLocalServersSettings();
  const { port = 0, heap, startTimeoutMs = 180_000, detached = false } = options;
  if (heap !== undefined && !HEAP.test(heap))
    throw new RangeError(`invalid heap ${JSON.stringify(heap)} (e.g. 512m, 1g)`);
  if (port !== 0) await assertPortFree(port, 'Elasticsearch HTTP');
  const java = await requireJava(settings);
  const dataDir = prepareDataDir(options.dataDir, 'commerce-es');
  const started = Date.now();
  let server;
  try {
    server = await spawnServer({
      script: join(settings.infraDir, 'elasticsearch', 'start.sh'),
      args: [String(port), dataDir.path],
      env: launcherEnvironment(settings, java, heap === undefined ? {} : { ES_HEAP: heap }),
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
  try {
    const deadline = started + startTimeoutMs;
    // A port of 0 is chosen by the node itself: read it back from start.sh's output.
    const boundPort =
      port !== 0
        ? port
        : await pollUntilReady({
            server: running,
            label: 'Elasticsearch',
            waitingFor: 'its HTTP address (ELASTICSEARCH_HTTP) in the output',
            deadline,
            check: () => {
              const match = HTTP_LINE.exec(running.outputTail());
              return match === null ? undefined : Number(match[1]);
            },
          });
    const url = `http://${LOOPBACK}:${boundPort}`;
    await pollUntilReady({
      server: running,
      label: 'Elasticsearch',
      waitingFor: `${url}/_cluster/health?wait_for_status=yellow to answer 200`,
      deadline,
      intervalMs: 500,
      check: (remaining) => clusterHealthIsYellow(url, remaining),
    });
    return {
      url,
      port: boundPort,
      pid: running.pid,
      dataDir: dataDir.path,
      startupMs: Date.now() - started,
      outputTail: running.outputTail,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Waits until an Elasticsearch someone else runs (docker compose, ELASTICSEARCH_URL) is yellow. */
export async function waitForElasticsearch(
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const { timeoutMs = 120_000 } = options;
  const base = url.replace(/\/+$/, '');
  await pollUntilReady({
    label: `Elasticsearch at ${base}`,
    waitingFor: '_cluster/health?wait_for_status=yellow to answer 200',
    deadline: Date.now() + timeoutMs,
    intervalMs: 1_000,
    check: (remaining) => clusterHealthIsYellow(base, remaining),
  });
}
