import { join } from 'node:path';
import {
  ensureCassandraInstalled,
  ensureElasticsearchInstalled,
  readLocalServersSettings,
  startCassandra,
  startElasticsearch,
} from '@commerce/local-servers';
import type { DevStackConfig } from './config.js';

export interface ProductionStores {
  /** What the domain processes need to run on Cassandra + Elasticsearch. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The production profile's stores for a local run: the given CASSANDRA_CONTACT_POINTS /
 * ELASTICSEARCH_URL, or a local Cassandra 5 and Elasticsearch 8 started from the project's cached
 * launchers (data kept under the profile's data folder, so a restart keeps the catalog).
 */
export async function startProductionStores(config: DevStackConfig, log: (m: string) => void): Promise<ProductionStores> {
  const p = config.production;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    await Promise.allSettled(stops.splice(0).map((s) => s()));
  };
  let contactPoints = p.cassandraContactPoints;
  let elasticsearchUrl = p.elasticsearchUrl;
  if (!contactPoints || !elasticsearchUrl) {
    const settings = readLocalServersSettings();
    log('starting Cassandra and Elasticsearch (first start installs them: Maven Central jars into .cache/)…');
    if (!contactPoints) await ensureCassandraInstalled({ settings });
    if (!elasticsearchUrl) await ensureElasticsearchInstalled({ settings });
    const logs = join(config.dataDir, 'logs');
    const [cassandra, elasticsearch] = await Promise.allSettled([
      contactPoints
        ? Promise.resolve(undefined)
        : startCassandra({
            nativePort: p.cassandraPort,
            storagePort: p.cassandraStoragePort,
            dataDir: join(config.dataDir, 'cassandra'),
            logFile: join(logs, 'cassandra.log'),
          }),
      elasticsearchUrl
        ? Promise.resolve(undefined)
        : startElasticsearch({
            port: p.elasticsearchPort,
            dataDir: join(config.dataDir, 'elasticsearch'),
            logFile: join(logs, 'elasticsearch.log'),
          }),
    ]);
    for (const r of [cassandra, elasticsearch]) if (r.status === 'fulfilled' && r.value) stops.push(r.value.stop);
    if (cassandra.status === 'rejected' || elasticsearch.status === 'rejected') {
      await stop();
      throw cassandra.status === 'rejected' ? cassandra.reason : (elasticsearch as PromiseRejectedResult).reason;
    }
    if (cassandra.value) contactPoints = cassandra.value.contactPoints.join(',');
    if (elasticsearch.value) elasticsearchUrl = elasticsearch.value.url;
  }
  return {
    env: {
      STORE: 'cassandra',
      CASSANDRA_CONTACT_POINTS: contactPoints!,
      CASSANDRA_LOCAL_DATACENTER: p.cassandraLocalDataCenter,
      SEARCH: 'elasticsearch',
      ELASTICSEARCH_URL: elasticsearchUrl!,
    },
    stop,
  };
}
