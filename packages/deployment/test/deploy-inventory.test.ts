// The inventory worker's deployable folder (what the worker image holds): only its production
// dependencies, and it runs from its built output with the PREBUILT workflow bundle in the
// production profile (the compose service's STORE=cassandra, SEARCH=elasticsearch) against the
// run's real Temporal dev server, Cassandra and Elasticsearch: it polls its task queue, executes a
// workflow, and the image's health check (this package's probe, copied as the Dockerfile copies
// it) sees it.
import {
  ADJUST_STOCK_WORKFLOW,
  INVENTORY_TASK_QUEUE,
  InventoryFailure,
  type AdjustStockWorkflow,
} from '@commerce/contracts/inventory';
import {
  createTestClient,
  testTemporalAddress,
  testTemporalNamespace,
  uniqueTaskQueue,
  type TestClient,
} from '@commerce/test-kit/temporal';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCassandraClient } from '@commerce/cassandra-store';
import { createElasticsearchClient, dropIndexTemplates } from '@commerce/elasticsearch-store';
import { planStoreMigrations, runStoreMigrations } from '@commerce/store-migrations';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { checkWorkerPolling } from '../src/worker-polling.js';
import { folderBytes, megabytes, pnpmDeploy } from './support/deploy.js';
import { expectProductionOnly } from './support/deployable-folder.js';
import { effective, healthcheckCommand, parseDockerfile } from './support/dockerfile.js';
import { runToEnd, startService, type Service } from './support/processes.js';
import { repoPath } from './support/repo.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('the inventory worker deploy folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'commerce-deploy-inventory-'));
  // The worker's own keyspace and indices on the shared test servers, migrated as the compose
  // migrations job does, under a prefix no other test uses.
  const prefix = `${uniqueStoreName('deploy')}_`;
  const plan = planStoreMigrations({
    cqlDir: repoPath('infra/cassandra/cql'),
    keyspacePrefix: prefix,
    indicesDir: repoPath('infra/elasticsearch/indices'),
    indexPrefix: prefix,
  });
  const deployDir = join(root, 'app');
  const bundle = join(deployDir, 'dist', 'workflow-bundle.js');
  let worker: Service | undefined;
  let temporal: TestClient;

  beforeAll(async () => {
    temporal = await createTestClient();
    const { cassandra, elasticsearchUrl } = requireTestStores();
    await runStoreMigrations({ plan, cassandra, elasticsearchUrl });
    const { durationMs } = await pnpmDeploy('@commerce/inventory', deployDir);
    const deployed = folderBytes(deployDir);
    // As the app-build stage does after the deploy: RUN node infra/docker/prune-deploy.mjs /out
    const prune = await runToEnd(
      process.execPath,
      [repoPath('infra/docker/prune-deploy.mjs'), deployDir],
      {
        cwd: repoPath(),
        env: { PATH: process.env.PATH ?? '' },
        timeoutMs: 60_000,
      },
    );
    if (prune.code !== 0) throw new Error(`prune-deploy failed: ${prune.stderr}`);
    console.log(
      `[deployment] pnpm deploy @commerce/inventory: ${durationMs} ms, ${megabytes(deployed)}; ` +
        `after prune-deploy ${megabytes(folderBytes(deployDir))}`,
    );
    // As the worker stage does: COPY packages/deployment/dist ./healthcheck
    cpSync(repoPath('packages/deployment/dist'), join(deployDir, 'healthcheck'), {
      recursive: true,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await temporal?.close();
    const { cassandra, elasticsearchUrl } = requireTestStores();
    const client = createCassandraClient({ ...cassandra, applicationName: 'deployment-tests' });
    for (const keyspace of plan.keyspaces) {
      await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace.keyspace}`).catch(() => undefined);
    }
    await client.shutdown();
    const es = createElasticsearchClient({ node: elasticsearchUrl });
    await dropIndexTemplates(es, { dir: plan.indicesDir, prefix }).catch(() => undefined);
    await es.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the built worker, its prebuilt workflow bundle and only its production dependencies', () => {
    expect(existsSync(join(deployDir, 'dist', 'main.js'))).toBe(true);
    expect(statSync(bundle).size).toBeGreaterThan(10_000);
    // prune-deploy left the core bridge with the one native module this platform loads.
    const bridge = readdirSync(join(deployDir, 'node_modules', '.pnpm')).filter((id) =>
      id.startsWith('@temporalio+core-bridge@'),
    );
    expect(bridge.length).toBe(1);
    const releases = join(
      deployDir,
      'node_modules',
      '.pnpm',
      bridge[0] ?? '',
      'node_modules',
      '@temporalio',
      'core-bridge',
      'releases',
    );
    const arch = ({ x64: 'x86_64', arm64: 'aarch64' } as Record<string, string>)[process.arch];
    const platform = (
      { linux: 'unknown-linux-gnu', darwin: 'apple-darwin' } as Record<string, string>
    )[process.platform];
    expect(readdirSync(releases)).toEqual([`${arch}-${platform}`]);
    const { packages } = expectProductionOnly(deployDir, '@commerce/inventory');
    console.log(`[deployment] inventory deploy folder: ${packages} packages`);
  });

  function baseEnv(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      TEMPORAL_ADDRESS: testTemporalAddress(),
      TEMPORAL_NAMESPACE: testTemporalNamespace(),
      SQLITE_PATH: join(root, 'data', 'commerce.db'),
      WORKFLOW_BUNDLE: bundle,
      LOG_LEVEL: 'info',
    };
  }

  /** Starts `node dist/main.js` and waits until the server lists this very process as a poller. */
  async function startWorker(env: Record<string, string>): Promise<Service> {
    const started = Date.now();
    const service = startService(process.execPath, ['dist/main.js'], { cwd: deployDir, env });
    worker = service;
    await service.waitForOutput(/inventory worker starting/, 90_000);
    // The SDK's identity is <pid>@<hostname>.
    const identity = `${service.pid}@${hostname()}`;
    let polling = false;
    for (let i = 0; i < 60 && !polling; i++) {
      const check = await checkWorkerPolling(temporal.connection, {
        namespace: testTemporalNamespace(),
        taskQueue: INVENTORY_TASK_QUEUE,
        identitySuffix: `@${hostname()}`,
        maxPollAgeMs: 60_000,
      });
      polling = check.alive.some((p) => p.identity === identity && p.type === 'workflow');
      if (!polling) await delay(500);
    }
    expect(polling).toBe(true);
    console.log(
      `[deployment] inventory worker (${env.STORE ?? 'sqlite'}) from its deploy folder polling after ${Date.now() - started} ms`,
    );
    // It did not bundle at start: the prebuilt bundle was required and used.
    expect(service.output()).not.toMatch(/Workflow bundle created/);
    return service;
  }

  /** A workflow from the bundle runs and its activity reaches the store: an unknown SKU is refused. */
  async function expectUnknownSkuRefused(): Promise<void> {
    const error = await temporal.client.workflow
      .execute<AdjustStockWorkflow>(ADJUST_STOCK_WORKFLOW, {
        taskQueue: INVENTORY_TASK_QUEUE,
        workflowId: `deploy-check-${randomUUID()}`,
        args: [
          {
            adjustmentId: randomUUID(),
            sku: 'NO-SUCH-SKU-1',
            onHand: 3,
            reason: 'deploy check',
            actor: 'deployment-test',
          },
        ],
        workflowExecutionTimeout: '60 seconds',
      })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    let cause: unknown = (error as WorkflowFailedError).cause;
    while (cause instanceof Error && !(cause instanceof ApplicationFailure)) cause = cause.cause;
    expect((cause as ApplicationFailure | undefined)?.type).toBe(InventoryFailure.UnknownSku);
  }

  it('starts with WORKFLOW_BUNDLE, polls its task queue, runs a workflow, and passes the image health check', async () => {
    const env = baseEnv();
    const service = await startWorker(env);
    await expectUnknownSkuRefused();

    // The Dockerfile's worker HEALTHCHECK, run as the image would (cwd = WORKDIR = the folder).
    const dockerfile = parseDockerfile(repoPath('infra/docker/Dockerfile'));
    const [command, ...args] = healthcheckCommand(
      effective(dockerfile, 'worker', 'HEALTHCHECK') ?? '',
    );
    const probe = (taskQueue: string) =>
      runToEnd(command === 'node' ? process.execPath : (command ?? ''), args, {
        cwd: deployDir,
        env: {
          PATH: env.PATH ?? '',
          TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS ?? '',
          TEMPORAL_NAMESPACE: env.TEMPORAL_NAMESPACE ?? '',
          HEALTHCHECK_TASK_QUEUE: taskQueue,
        },
        timeoutMs: 20_000,
      });
    const healthy = await probe(INVENTORY_TASK_QUEUE);
    expect(healthy.code, healthy.stderr).toBe(0);
    expect(healthy.stdout).toContain(`${service.pid}@${hostname()}`);
    const unpolled = await probe(uniqueTaskQueue('nobody-polls'));
    expect(unpolled.code).toBe(1);
    expect(unpolled.stderr).toMatch(/unhealthy: no poller of task queue nobody-polls-/);

    // SIGTERM (what `docker stop` sends) drains and exits cleanly.
    expect(await service.stop(30_000)).toBe(0);
  });

  it("starts in the compose service's production profile: Cassandra write store, Elasticsearch read model", async () => {
    const { cassandra, elasticsearchUrl } = requireTestStores();
    const keyspace = plan.keyspaces.find((k) => k.cqlDir.endsWith(join('cql', 'inventory')));
    expect(keyspace).toBeDefined();
    // The inventory-worker service's environment, with the test servers' addresses and prefixes.
    const env = {
      ...baseEnv(),
      // As in compose: the migrations job (run in beforeAll) owns the schema.
      SCHEMA_SETUP: 'false',
      STORE: 'cassandra',
      CASSANDRA_CONTACT_POINTS: cassandra.contactPoints.join(','),
      CASSANDRA_LOCAL_DATACENTER: cassandra.localDataCenter,
      CASSANDRA_KEYSPACE_INVENTORY: keyspace?.keyspace ?? '',
      SEARCH: 'elasticsearch',
      ELASTICSEARCH_URL: elasticsearchUrl,
      ELASTICSEARCH_INDEX_PREFIX: prefix,
    };
    const service = await startWorker(env);
    expect(service.output()).toContain(
      `cassandra ${env.CASSANDRA_CONTACT_POINTS} keyspace ${env.CASSANDRA_KEYSPACE_INVENTORY}`,
    );
    await expectUnknownSkuRefused();
    expect(await service.stop(30_000)).toBe(0);
  });

  it('fails at start, clearly, when the required bundle is missing', async () => {
    const run = await runToEnd(process.execPath, ['dist/main.js'], {
      cwd: deployDir,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_NAMESPACE: testTemporalNamespace(),
        SQLITE_PATH: join(root, 'data', 'missing-bundle.db'),
        WORKFLOW_BUNDLE: join(deployDir, 'dist', 'no-such-bundle.js'),
      },
      timeoutMs: 60_000,
    });
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/workflow bundle .*no-such-bundle\.js is missing/);
  });
});
