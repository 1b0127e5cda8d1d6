// Cassandra and/or Elasticsearch for a benchmark: the ones given by CASSANDRA_CONTACT_POINTS /
// ELASTICSEARCH_URL, else local nodes started from the project's launchers on free ports with
// throwaway data, stopped by PID.
import {
  ensureCassandraInstalled,
  ensureElasticsearchInstalled,
  readLocalServersSettings,
  startCassandra,
  startElasticsearch,
} from '@commerce/local-servers';
import type { BenchSettings } from './config.js';

export interface ProductionServers {
  cassandra: { contactPoints: string; localDataCenter: string; started: boolean } | undefined;
  elasticsearch: { url: string; started: boolean } | undefined;
  stop(): Promise<void>;
}

export async function startProductionServers(
  settings: BenchSettings,
  need: { cassandra: boolean; elasticsearch: boolean },
  log: (m: string) => void,
): Promise<ProductionServers> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    await Promise.allSettled(stops.splice(0).map((s) => s()));
  };
  const startCass = need.cassandra && !settings.cassandraContactPoints;
  const startEs = need.elasticsearch && !settings.elasticsearchUrl;
  const local = startCass || startEs ? readLocalServersSettings() : undefined;
  if (local) {
    log(`starting local ${[startCass && 'Cassandra', startEs && 'Elasticsearch'].filter(Boolean).join(' and ')} (free ports, throwaway data)…`);
    if (startCass) await ensureCassandraInstalled({ settings: local });
    if (startEs) await ensureElasticsearchInstalled({ settings: local });
  }
  const [cass, es] = await Promise.allSettled([
    startCass ? startCassandra({ settings: local! }) : Promise.resolve(undefined),
    startEs ? startElasticsearch({ settings: local! }) : Promise.resolve(undefined),
  ]);
  for (const r of [cass, es]) if (r.status === 'fulfilled' && r.value) stops.push(r.value.stop);
  if (cass.status === 'rejected' || es.status === 'rejected') {
    await stop();
    throw cass.status === 'rejected' ? cass.reason : (es as PromiseRejectedResult).reason;
  }
  return {
    cassandra: need.cassandra
      ? cass.value
        ? { contactPoints: cass.value.contactPoints.join(','), localDataCenter: cass.value.localDataCenter, started: true }
        : { contactPoints: settings.cassandraContactPoints!, localDataCenter: settings.cassandraLocalDataCenter, started: false }
      : undefined,
    elasticsearch: need.elasticsearch
      ? es.value
        ? { url: es.value.url, started: true }
        : { url: settings.elasticsearchUrl!, started: false }
      : undefined,
    stop,
  };
}
