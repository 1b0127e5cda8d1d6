import {
  ensureCassandraInstalled,
  ensureElasticsearchInstalled,
  javaStatus,
  readLocalServersSettings,
  startCassandra,
  startElasticsearch,
  waitForCassandra,
  waitForElasticsearch,
  type RunningCassandra,
  type RunningElasticsearch,
} from '@commerce/local-servers';
import type { TestProject } from 'vitest/node';
import { readStoresTestConfig } from './stores/config.js';
import type { StoresProvidedContext } from './stores.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function provideAll(project: TestProject, context: StoresProvidedContext): void {
  project.provide('cassandraContactPoints', context.cassandraContactPoints);
  project.provide('cassandraLocalDataCenter', context.cassandraLocalDataCenter);
  project.provide('elasticsearchUrl', context.elasticsearchUrl);
  project.provide('storesSkipReason', context.storesSkipReason);
  project.provide('storesOrigin', context.storesOrigin);
}

/**
 * Vitest globalSetup (enabled by `defineCommerceVitestConfig({ stores: true })`): one Cassandra
 * and one Elasticsearch for the whole run, read by tests through `testStores()`.
 *
 * - CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL set (e.g. docker compose): those are used (after
 *   a readiness wait) and nothing is started for them.
 * - Otherwise the local launchers are installed if needed (locked, idempotent) and both servers
 *   start in parallel on free ports with throwaway data folders; the teardown stops them by PID.
 * - Neither Java nor the variables: under CI=true the setup fails (a skip is a failure in CI);
 *   elsewhere it provides a one-line `storesSkipReason` and the store suites skip.
 */
export default async function setupStores(project: TestProject): Promise<() => Promise<void>> {
  const config = readStoresTestConfig();
  const context: StoresProvidedContext = {
    cassandraContactPoints: config.cassandraContactPoints?.join(',') ?? '',
    cassandraLocalDataCenter: config.cassandraLocalDataCenter,
    elasticsearchUrl: config.elasticsearchUrl ?? '',
    storesSkipReason: '',
    storesOrigin: '',
  };
  const needCassandra = config.cassandraContactPoints === undefined;
  const needElasticsearch = config.elasticsearchUrl === undefined;
  const origin: string[] = [];
  const started: { stop: () => Promise<void> }[] = [];
  const teardown = async (): Promise<void> => {
    await Promise.allSettled(started.map((server) => server.stop()));
  };

  if (needCassandra || needElasticsearch) {
    const settings = readLocalServersSettings();
    const java = await javaStatus(settings);
    if (!java.ok) {
      const reason =
        `Cassandra/Elasticsearch suites skipped: ${java.reason}; ` +
        'install a JDK 17 (and mvn) or set CASSANDRA_CONTACT_POINTS and ELASTICSEARCH_URL';
      if (config.ci)
        throw new Error(`${reason} — under CI=true a skipped store suite is a failure`);
      provideAll(project, { ...context, storesSkipReason: reason, storesOrigin: 'skipped' });
      return teardown;
    }
    // One Maven run at a time (they share ~/.m2); both are ~0.1 s when already installed.
    if (needCassandra) await ensureCassandraInstalled({ settings });
    if (needElasticsearch) await ensureElasticsearchInstalled({ settings });
  }

  const startBoth = await Promise.allSettled([
    needCassandra
      ? startCassandra().then((server: RunningCassandra) => {
          started.push(server);
          context.cassandraContactPoints = server.contactPoints.join(',');
          context.cassandraLocalDataCenter = server.localDataCenter;
          origin.push(`Cassandra ${server.releaseVersion} started in ${seconds(server.startupMs)}`);
        })
      : waitForCassandra(config.cassandraContactPoints ?? [], {
          localDataCenter: config.cassandraLocalDataCenter,
        }).then((version) => {
          origin.push(`Cassandra ${version} from CASSANDRA_CONTACT_POINTS`);
        }),
    needElasticsearch
      ? startElasticsearch().then((server: RunningElasticsearch) => {
          started.push(server);
          context.elasticsearchUrl = server.url;
          origin.push(`Elasticsearch started in ${seconds(server.startupMs)}`);
        })
      : waitForElasticsearch(config.elasticsearchUrl ?? '').then(() => {
          origin.push('Elasticsearch from ELASTICSEARCH_URL');
        }),
  ]);
  const failed = startBoth.flatMap((outcome) =>
    outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
  );
  if (failed.length > 0) {
    await teardown();
    throw failed[0];
  }
  context.storesOrigin = origin.join('; ');
  provideAll(project, context);
  process.stderr.write(`[stores] ${context.storesOrigin}\n`);
  return teardown;
}
