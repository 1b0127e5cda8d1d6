// The migrations image's contents: the store-migrations deploy folder plus the schema files the
// Dockerfile copies, run as the image runs it (node dist/cli.js) against the run's real Cassandra
// and Elasticsearch, twice.
import { createCassandraClient } from '@commerce/cassandra-store';
import { createElasticsearchClient, dropIndexTemplates } from '@commerce/elasticsearch-store';
import type { StoreMigrationsReport } from '@commerce/store-migrations';
import { planStoreMigrations } from '@commerce/store-migrations';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, megabytes, pnpmDeploy } from './support/deploy.js';
import { expectProductionOnly } from './support/deployable-folder.js';
import { effective, environment, parseDockerfile } from './support/dockerfile.js';
import { runToEnd } from './support/processes.js';
import { repoPath } from './support/repo.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)(
  'the store-migrations deploy folder (the migrations image)',
  () => {
    const root = mkdtempSync(join(tmpdir(), 'commerce-deploy-migrations-'));
    const deployDir = join(root, 'app');
    const prefix = `${uniqueStoreName('deploy')}_`;
    const dockerfile = parseDockerfile(repoPath('infra/docker/Dockerfile'));
    let plan: ReturnType<typeof planStoreMigrations>;

    beforeAll(async () => {
      const { durationMs } = await pnpmDeploy('@commerce/store-migrations', deployDir);
      // As the migrations stage does: COPY infra/cassandra/cql ./infra/cassandra/cql (and indices).
      for (const dir of ['infra/cassandra/cql', 'infra/elasticsearch/indices']) {
        cpSync(repoPath(dir), join(deployDir, dir), { recursive: true });
      }
      console.log(
        `[deployment] pnpm deploy @commerce/store-migrations: ${durationMs} ms, ${megabytes(folderBytes(deployDir))}`,
      );
      plan = planStoreMigrations({
        cqlDir: join(deployDir, 'infra/cassandra/cql'),
        keyspacePrefix: prefix,
        indicesDir: join(deployDir, 'infra/elasticsearch/indices'),
        indexPrefix: prefix,
      });
    });

    afterAll(async () => {
      const { cassandra, elasticsearchUrl } = requireTestStores();
      const client = createCassandraClient({ ...cassandra, applicationName: 'deployment-tests' });
      for (const keyspace of plan?.keyspaces ?? []) {
        await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace.keyspace}`).catch(() => undefined);
      }
      await client.shutdown();
      const es = createElasticsearchClient({ node: elasticsearchUrl });
      await dropIndexTemplates(es, { dir: repoPath('infra/elasticsearch/indices'), prefix }).catch(
        () => undefined,
      );
      await es.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('holds the built CLI and only its production dependencies', () => {
      expect(existsSync(join(deployDir, 'dist', 'cli.js'))).toBe(true);
      const { packages } = expectProductionOnly(deployDir, '@commerce/store-migrations');
      console.log(`[deployment] store-migrations deploy folder: ${packages} packages`);
    });

    it("runs the image's command with the image's folders; the second run applies nothing", async () => {
      const { cassandra, elasticsearchUrl } = requireTestStores();
      const imageEnv = environment(dockerfile, 'migrations');
      const command = JSON.parse(effective(dockerfile, 'migrations', 'CMD') ?? '[]') as string[];
      expect(command).toEqual(['node', 'dist/cli.js']);
      // /app in the image is the deploy folder here.
      const inFolder = (path: string | undefined) =>
        (path ?? '').replace(/^\/app\//, `${deployDir}/`);
      const env = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        CASSANDRA_CQL_DIR: inFolder(imageEnv.get('CASSANDRA_CQL_DIR')),
        ELASTICSEARCH_INDICES_DIR: inFolder(imageEnv.get('ELASTICSEARCH_INDICES_DIR')),
        CASSANDRA_CONTACT_POINTS: cassandra.contactPoints.join(','),
        CASSANDRA_LOCAL_DATACENTER: cassandra.localDataCenter,
        ELASTICSEARCH_URL: elasticsearchUrl,
        // Isolation from other tests on the shared servers; the compose service uses none.
        CASSANDRA_KEYSPACE_PREFIX: prefix,
        ELASTICSEARCH_INDEX_PREFIX: prefix,
      };
      const runOnce = () =>
        runToEnd(process.execPath, [...command.slice(1), '--json'], {
          cwd: deployDir,
          env,
          timeoutMs: 180_000,
        });

      const first = await runOnce();
      expect(first.code, first.stderr).toBe(0);
      const report1 = JSON.parse(
        first.stdout.trim().split('\n').at(-1) ?? '',
      ) as StoreMigrationsReport;
      expect(report1.keyspaces.map((k) => [k.keyspace, k.applied.map((m) => m.version)])).toEqual(
        plan.keyspaces.map((k) => [k.keyspace, k.versions]),
      );
      expect(report1.indices.map((i) => [i.index, i.created])).toEqual(
        plan.indices.map((i) => [i.index, true]),
      );

      const second = await runOnce();
      expect(second.code, second.stderr).toBe(0);
      const report2 = JSON.parse(
        second.stdout.trim().split('\n').at(-1) ?? '',
      ) as StoreMigrationsReport;
      expect(report2.keyspaces.map((k) => [k.keyspace, k.applied.length])).toEqual(
        plan.keyspaces.map((k) => [k.keyspace, 0]),
      );
      expect(report2.indices.filter((i) => i.created || i.mappingUpdated)).toEqual([]);
      console.log(
        `[deployment] migrations from the deploy folder: first run ${first.durationMs} ms, second ${second.durationMs} ms`,
      );
    });
  },
);
