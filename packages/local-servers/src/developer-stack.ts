import { terminateProcess } from '@commerce/process-kit';
import { Client } from 'cassandra-driver';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_DATACENTER, startCassandra } from './cassandra.js';
import type { LocalServersSettings } from './config.js';
import { startElasticsearch } from './elasticsearch.js';
import { ensureCassandraInstalled, ensureElasticsearchInstalled } from './install.js';
import { processCommand } from './process-command.js';

/** The fixed developer ports (what docker compose and the apps' defaults use). */
export const DEVELOPER_PORTS = {
  cassandraNative: 9042,
  cassandraStorage: 7000,
  elasticsearchHttp: 9200,
};

export type StackServerName = 'cassandra' | 'elasticsearch';

/** What `infra up` recorded about one server in `<root>/.data/infra/state.json`. */
export interface StackServerState {
  pid: number;
  status: 'starting' | 'ready';
  /** CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL value. */
  address: string;
  ports: number[];
  dataDir: string;
  logFile: string;
  startupMs?: number;
}

export type StackState = Partial<Record<StackServerName, StackServerState>>;

/** Marks the JVM main class of each server (guards against a recycled PID in state.json). */
const MAIN_CLASS: Record<StackServerName, string> = {
  cassandra: 'org.apache.cassandra.service.CassandraDaemon',
  elasticsearch: 'commerce.infra.elasticsearch.EmbeddedElasticsearch',
};
const STOP_GRACE_MS: Record<StackServerName, number> = { cassandra: 60_000, elasticsearch: 30_000 };

export interface StackLayout {
  dir: string;
  stateFile: string;
  logsDir: string;
}

export function stackLayout(settings: LocalServersSettings): StackLayout {
  const dir = join(settings.workspaceRoot, '.data', 'infra');
  return { dir, stateFile: join(dir, 'state.json'), logsDir: join(dir, 'logs') };
}

export function readStackState(layout: StackLayout): StackState {
  if (!existsSync(layout.stateFile)) return {};
  try {
    return JSON.parse(readFileSync(layout.stateFile, 'utf8')) as StackState;
  } catch (err) {
    throw new Error(
      `${layout.stateFile} is not readable JSON (delete it after stopping the servers by hand)`,
      {
        cause: err,
      },
    );
  }
}

function writeStackState(layout: StackLayout, state: StackState): void {
  mkdirSync(layout.dir, { recursive: true });
  const partial = `${layout.stateFile}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(partial, layout.stateFile);
}

/** Is the recorded PID still that server's JVM? */
export async function isStackServerRunning(name: StackServerName, pid: number): Promise<boolean> {
  const command = await processCommand(pid);
  return command?.includes(MAIN_CLASS[name]) ?? false;
}

export interface UpResult {
  state: StackState;
  alreadyRunning: StackServerName[];
}

/**
 * Starts Cassandra (9042/7000) and Elasticsearch (9200) detached, data under .data/infra, logs
 * under .data/infra/logs, and resolves once both are ready. PIDs are recorded the moment they
 * exist, so `down` also stops a half-started stack. Servers already running are left alone.
 */
export async function upStack(
  settings: LocalServersSettings,
  report: (line: string) => void,
): Promise<UpResult> {
  const layout = stackLayout(settings);
  const state = readStackState(layout);
  const alreadyRunning: StackServerName[] = [];
  for (const name of ['cassandra', 'elasticsearch'] as const) {
    const entry = state[name];
    if (entry === undefined) continue;
    if (await isStackServerRunning(name, entry.pid)) alreadyRunning.push(name);
    else delete state[name];
  }
  writeStackState(layout, state);

  const record = (name: StackServerName, entry: StackServerState): void => {
    state[name] = entry;
    writeStackState(layout, state);
  };

  const cassandra = async (): Promise<void> => {
    if (alreadyRunning.includes('cassandra')) return;
    await ensureCassandraInstalled({ settings });
    const dataDir = join(layout.dir, 'cassandra');
    const logFile = join(layout.logsDir, 'cassandra.log');
    const { cassandraNative: nativePort, cassandraStorage: storagePort } = DEVELOPER_PORTS;
    const base = {
      address: `127.0.0.1:${nativePort}`,
      ports: [nativePort, storagePort],
      dataDir,
      logFile,
    };
    report(`cassandra: starting on 127.0.0.1:${nativePort} (log ${logFile})`);
    const server = await startCassandra({
      nativePort,
      storagePort,
      dataDir,
      logFile,
      detached: true,
      settings,
      onSpawn: (pid) => record('cassandra', { ...base, pid, status: 'starting' }),
    });
    record('cassandra', { ...base, pid: server.pid, status: 'ready', startupMs: server.startupMs });
    report(
      `cassandra: ready in ${(server.startupMs / 1000).toFixed(1)} s (pid ${server.pid}, ${server.releaseVersion})`,
    );
  };

  const elasticsearch = async (): Promise<void> => {
    if (alreadyRunning.includes('elasticsearch')) return;
    await ensureElasticsearchInstalled({ settings });
    const dataDir = join(layout.dir, 'elasticsearch');
    const logFile = join(layout.logsDir, 'elasticsearch.log');
    const port = DEVELOPER_PORTS.elasticsearchHttp;
    const base = { address: `http://127.0.0.1:${port}`, ports: [port], dataDir, logFile };
    report(`elasticsearch: starting on 127.0.0.1:${port} (log ${logFile})`);
    const server = await startElasticsearch({
      port,
      dataDir,
      logFile,
      detached: true,
      settings,
      onSpawn: (pid) => record('elasticsearch', { ...base, pid, status: 'starting' }),
    });
    record('elasticsearch', {
      ...base,
      pid: server.pid,
      status: 'ready',
      startupMs: server.startupMs,
    });
    report(`elasticsearch: ready in ${(server.startupMs / 1000).toFixed(1)} s (pid ${server.pid})`);
  };

  const outcomes = await Promise.allSettled([cassandra(), elasticsearch()]);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  if (failures.length > 0) {
    // Leave nothing half-up: stop whatever this call started (not what was already running).
    const startedHere = (['cassandra', 'elasticsearch'] as const).filter(
      (n) => !alreadyRunning.includes(n),
    );
    await stopRecorded(state, startedHere, () => undefined);
    for (const name of startedHere) delete state[name];
    writeStackState(layout, state);
    const messages = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    throw new Error(`infra up failed; everything it started was stopped:\n${messages.join('\n')}`);
  }
  return { state, alreadyRunning };
}

async function stopRecorded(
  state: StackState,
  names: readonly StackServerName[],
  report: (line: string) => void,
): Promise<void> {
  await Promise.all(
    names.map(async (name) => {
      const entry = state[name];
      if (entry === undefined) return;
      if (!(await isStackServerRunning(name, entry.pid))) {
        report(`${name}: pid ${entry.pid} is not running`);
        return;
      }
      const started = Date.now();
      await terminateProcess(entry.pid, STOP_GRACE_MS[name]);
      report(
        `${name}: stopped pid ${entry.pid} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }),
  );
}

/** Stops the PIDs recorded in state.json (only if they still are our servers) and removes the file. */
export async function downStack(
  settings: LocalServersSettings,
  report: (line: string) => void,
): Promise<void> {
  const layout = stackLayout(settings);
  const state = readStackState(layout);
  const names = (['cassandra', 'elasticsearch'] as const).filter(
    (name) => state[name] !== undefined,
  );
  if (names.length === 0) report('nothing recorded in state.json: no servers to stop');
  await stopRecorded(state, names, report);
  rmSync(layout.stateFile, { force: true });
}

export interface ServerHealth {
  name: StackServerName;
  pid: number;
  address: string;
  running: boolean;
  ready: boolean;
  detail: string;
}

async function probe(name: StackServerName, address: string): Promise<string> {
  if (name === 'elasticsearch') {
    const response = await fetch(`${address}/_cluster/health`, {
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { status?: string };
    if (response.status !== 200) throw new Error(`_cluster/health answered ${response.status}`);
    return `cluster ${String(body.status)}`;
  }
  const client = new Client({
    contactPoints: [address],
    localDataCenter: LOCAL_DATACENTER,
    socketOptions: { connectTimeout: 5_000, readTimeout: 5_000 },
  });
  try {
    const row = (await client.execute('SELECT release_version FROM system.local')).first();
    return `release ${String(row?.get('release_version'))}`;
  } finally {
    await client.shutdown();
  }
}

/** Per recorded server: is its PID our JVM, and does it answer? */
export async function stackStatus(settings: LocalServersSettings): Promise<ServerHealth[]> {
  const state = readStackState(stackLayout(settings));
  const names = (['cassandra', 'elasticsearch'] as const).filter(
    (name) => state[name] !== undefined,
  );
  return await Promise.all(
    names.map(async (name): Promise<ServerHealth> => {
      const entry = state[name] as StackServerState;
      const running = await isStackServerRunning(name, entry.pid);
      if (!running)
        return {
          name,
          pid: entry.pid,
          address: entry.address,
          running,
          ready: false,
          detail: 'not running',
        };
      try {
        const detail = await probe(name, entry.address);
        return { name, pid: entry.pid, address: entry.address, running, ready: true, detail };
      } catch (err) {
        return {
          name,
          pid: entry.pid,
          address: entry.address,
          running,
          ready: false,
          detail: `not answering: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
    }),
  );
}
