import { createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { findWorkerApps } from '@commerce/process-kit';
import { COMMERCE_SEARCH_ATTRIBUTES, startDevServer, type RunningServer } from '@commerce/temporal-server';
import type { DevStackConfig } from './config.js';
import { loadOrCreateAdminToken } from './admin-token.js';
import { startProductionStores } from './production-stores.js';
import { seedCatalog } from './seed-catalog.js';
import { startServiceProcess, waitForHttpOk, type ServiceProcess } from './service-process.js';

export interface StackHandle {
  gatewayUrl: string;
  docsUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | undefined;
  adminToken: string;
  adminTokenCreated: boolean;
  sqlitePath: string;
  logDir: string;
  profile: DevStackConfig['profile'];
  /** Production profile: where Cassandra and Elasticsearch answer. */
  stores: { cassandra: string; elasticsearch: string } | undefined;
  stop(): Promise<void>;
}

export interface StackOptions {
  config: DevStackConfig;
  log: (message: string) => void;
  progressStream?: NodeJS.WriteStream;
  /** Seed the generated catalog (default true). */
  seed?: boolean;
}

/**
 * Brings the embedded profile up: Temporal dev server (persisted under the data folder), every
 * domain worker, the gateway, then the seeded catalog. Stops everything by PID, in reverse.
 */
export async function startStack(options: StackOptions): Promise<StackHandle> {
  const { config, log } = options;
  const logDir = join(config.dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const sqlitePath = join(config.dataDir, 'commerce.db');
  const { token: adminToken, created: adminTokenCreated } = loadOrCreateAdminToken(join(config.dataDir, 'admin-token'));

  const stoppers: (() => Promise<void>)[] = [];
  const logs: WriteStream[] = [];
  const stop = async () => {
    for (const s of stoppers.splice(0).reverse()) await s().catch(() => undefined);
    for (const l of logs.splice(0)) l.end();
  };

  try {
    let temporal: RunningServer | undefined;
    let temporalAddress = config.externalTemporalAddress;
    if (!temporalAddress) {
      log('starting the Temporal dev server…');
      temporal = await startDevServer({
        port: config.temporalPort,
        uiPort: config.temporalUiPort,
        namespace: config.namespace,
        dbFilename: join(config.dataDir, 'temporal', 'dev.db'),
        searchAttributes: COMMERCE_SEARCH_ATTRIBUTES,
        logFile: join(logDir, 'temporal.log'),
      });
      const server = temporal;
      stoppers.push(() => server.stop());
      temporalAddress = temporal.address;
    }
    const temporalUiUrl = temporal?.uiUrl;

    let storeEnv: Record<string, string> = {};
    if (config.profile === 'production') {
      const stores = await startProductionStores(config, log);
      stoppers.push(() => stores.stop());
      storeEnv = stores.env;
    }

    const common = {
      ...storeEnv,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: config.namespace,
      SQLITE_PATH: sqlitePath,
      LOG_LEVEL: config.logLevel,
    };
    const start = (name: string, entry: string, env: Record<string, string>): ServiceProcess => {
      const file = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
      logs.push(file);
      const proc = startServiceProcess({ name, entry, env: { ...config.inheritedEnv, ...common, ...env }, onLine: (n, line) => relay(n, line, file, log) });
      stoppers.push(() => proc.stop());
      return proc;
    };

    // Every domain worker of the monorepo (apps/*/src/worker.ts), each on its own task queue.
    for (const app of findWorkerApps(config.root)) {
      if (!existsSync(app.main)) {
        throw new Error(`${app.packageName} is not built (${app.main} is missing): run pnpm turbo run build --filter=./apps/*`);
      }
      start(`${app.name}-worker`, app.main, {});
    }
    const gatewayUrl = `http://${config.host}:${config.port}`;
    let gatewayAlive = true;
    const gateway = start('gateway', join(config.root, 'apps', 'gateway', 'dist', 'main.js'), {
      HOST: config.host,
      PORT: String(config.port),
      ADMIN_BOOTSTRAP_TOKEN: adminToken,
      TEMPORAL_UI_URL: temporalUiUrl ?? '',
      PUBLIC_URL: gatewayUrl,
    });
    void gateway.exited.then(() => (gatewayAlive = false));
    await waitForHttpOk(`${gatewayUrl}/readyz`, 60_000, () => gatewayAlive);

    if (options.seed !== false) {
      const connection = await Connection.connect({ address: temporalAddress });
      try {
        const client = new Client({ connection, namespace: config.namespace });
        await seedCatalog({
          client,
          seed: config.seed,
          scale: config.seedScale,
          log,
          ...(options.progressStream ? { progressStream: options.progressStream } : {}),
        });
      } finally {
        await connection.close();
      }
      // The gateway is not ready while the seed import runs; it is once the seed is in.
      await waitForHttpOk(`${gatewayUrl}/readyz`, 60_000, () => gatewayAlive);
    }

    return {
      gatewayUrl,
      docsUrl: `${gatewayUrl}/docs`,
      temporalAddress,
      temporalUiUrl,
      adminToken,
      adminTokenCreated,
      sqlitePath,
      logDir,
      profile: config.profile,
      stores: storeEnv.CASSANDRA_CONTACT_POINTS
        ? { cassandra: storeEnv.CASSANDRA_CONTACT_POINTS, elasticsearch: storeEnv.ELASTICSEARCH_URL ?? '' }
        : undefined,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Every line goes to the service's log file; warnings and errors also reach the console. */
function relay(name: string, line: string, file: WriteStream, log: (m: string) => void): void {
  file.write(`${line}\n`);
  if (!line.startsWith('{')) {
    log(`[${name}] ${line}`);
    return;
  }
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    if ((entry.level ?? 0) >= 40) log(`[${name}] ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`);
  } catch {
    log(`[${name}] ${line}`);
  }
}
