import { findFreePort, startChildProcess } from '@commerce/process-kit';
import { Connection } from '@temporalio/client';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureBinary, type EnsureBinaryOptions } from './install-binaries.js';
import { retryOnPortClash } from './port-retry.js';
import { devServerProbe, waitUntilReady } from './readiness.js';
import { outputOf, runCommand } from './run-command.js';
import type { RunningServer } from './running-server.js';
import {
  resolveSearchAttributes,
  type SearchAttributeDefinitions,
  type SearchAttributeTypeName,
} from './search-attributes.js';
import { assertPort, assertTimeout } from './validation.js';

export const DEV_SERVER_LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'never'] as const;

export interface DevServerOptions extends EnsureBinaryOptions {
  /** Address every listener binds to. */
  ip?: string;
  /** gRPC frontend port; a free one when absent. */
  port?: number;
  /** Web UI port, or `false` for a headless server (the default). */
  uiPort?: number | false;
  /** Persist to this SQLite file (its folder is created); in-memory when absent. */
  dbFilename?: string;
  namespace?: string;
  /** Registered in addition to COMMERCE_SEARCH_ATTRIBUTES. */
  searchAttributes?: SearchAttributeDefinitions;
  logLevel?: (typeof DEV_SERVER_LOG_LEVELS)[number];
  readyTimeoutMs?: number;
  /** Also append the server's output to this file. */
  logFile?: string;
}

/** temporal.api.enums.v1.IndexedValueType numbers, as listSearchAttributes reports them. */
const INDEXED_VALUE_TYPE: Record<SearchAttributeTypeName, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

/**
 * `--search-attribute` only acts when the database (or namespace) is new, so after start the
 * namespace is checked and missing attributes are created with the CLI; a clash of types fails.
 */
async function ensureSearchAttributes(
  cli: string,
  address: string,
  namespace: string,
  wanted: SearchAttributeDefinitions,
): Promise<void> {
  const connection = await Connection.connect({ address });
  let existing: Record<string, unknown>;
  try {
    const response = await connection.operatorService.listSearchAttributes({ namespace });
    existing = { ...(response.customAttributes ?? {}), ...(response.systemAttributes ?? {}) };
  } finally {
    await connection.close();
  }
  for (const [name, type] of Object.entries(wanted)) {
    const current = existing[name];
    if (current === INDEXED_VALUE_TYPE[type]) continue;
    if (current !== undefined) {
      throw new Error(
        `search attribute ${name} exists in namespace ${namespace} with another type than ${type}`,
      );
    }
    const result = await runCommand(cli, [
      'operator',
      'search-attribute',
      'create',
      '--address',
      address,
      '--namespace',
      namespace,
      '--name',
      name,
      '--type',
      type,
    ]);
    if (result.code !== 0)
      throw new Error(`cannot create search attribute ${name}=${type}: ${outputOf(result)}`);
  }
}

function validate(options: DevServerOptions): void {
  if (options.port !== undefined) assertPort('port', options.port);
  if (options.uiPort !== undefined && options.uiPort !== false)
    assertPort('uiPort', options.uiPort);
  if (options.readyTimeoutMs !== undefined) assertTimeout('readyTimeoutMs', options.readyTimeoutMs);
  if (options.namespace !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.namespace)) {
    throw new TypeError(
      `namespace ${JSON.stringify(options.namespace)} is not a valid Temporal namespace name`,
    );
  }
  if (options.logLevel !== undefined && !DEV_SERVER_LOG_LEVELS.includes(options.logLevel)) {
    throw new TypeError(`logLevel must be one of ${DEV_SERVER_LOG_LEVELS.join(', ')}`);
  }
  if (options.dbFilename !== undefined && options.dbFilename.trim() === '')
    throw new TypeError('dbFilename must not be empty');
}

/**
 * Starts `temporal server start-dev` and resolves once it is SERVING and the namespace exists.
 * Every port the process is told about is chosen free (or the UI disabled), so servers can run
 * side by side; its internal history/matching/worker ports are picked free by the CLI itself.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<RunningServer> {
  validate(options);
  const searchAttributes = resolveSearchAttributes(options.searchAttributes);
  const {
    ip = '127.0.0.1',
    uiPort = false,
    namespace = 'default',
    logLevel = 'warn',
    readyTimeoutMs = 90_000,
    logFile,
  } = options;
  const cli = (await ensureBinary('cli', options)).path;

  const dbFilename = options.dbFilename === undefined ? undefined : resolve(options.dbFilename);
  if (dbFilename !== undefined) mkdirSync(dirname(dbFilename), { recursive: true });

  return await retryOnPortClash(async () => {
    const port = options.port ?? (await findFreePort(ip));
    const httpPort = await findFreePort(ip);
    const metricsPort = await findFreePort(ip);
    const address = `${ip}:${port}`;
    const flags: [string, string][] = [
      ['--ip', ip],
      ['--port', String(port)],
      ['--http-port', String(httpPort)],
      ['--metrics-port', String(metricsPort)],
      ['--namespace', namespace],
      ['--log-level', logLevel],
      // No phoning home for a version check (these machines are often offline).
      ['--dynamic-config-value', 'frontend.enableServerVersionCheck=false'],
      ...(dbFilename !== undefined ? [['--db-filename', dbFilename] as [string, string]] : []),
      ...Object.entries(searchAttributes).map(
        ([name, type]) => ['--search-attribute', `${name}=${type}`] as [string, string],
      ),
    ];
    const ui =
      uiPort === false ? ['--headless'] : ['--ui-port', String(uiPort), '--ui-disable-news-fetch'];
    const args = ['server', 'start-dev', ...flags.flat(), ...ui];
    const server = await startChildProcess({
      command: cli,
      args,
      ...(logFile !== undefined ? { logFile } : {}),
    });
    try {
      await waitUntilReady({
        server,
        address,
        probe: devServerProbe(namespace),
        timeoutMs: readyTimeoutMs,
        label: 'Temporal dev server',
      });
      // Cheap, and needed when the file existed: --search-attribute only acts on a new database.
      await ensureSearchAttributes(cli, address, namespace, searchAttributes);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return {
      address,
      namespace,
      ...(uiPort === false ? {} : { uiUrl: `http://${ip}:${uiPort}` }),
      pid: server.pid,
      ports: {
        frontend: port,
        http: httpPort,
        metrics: metricsPort,
        ...(uiPort === false ? {} : { ui: uiPort }),
      },
      executable: cli,
      outputTail: server.outputTail,
      stop: () => server.stop(),
    };
  }, options.port === undefined);
}
