import { setTimeout as delay } from 'node:timers/promises';
import { checkCassandra, createCassandraClient } from '@commerce/cassandra-store';
import { checkElasticsearch, createElasticsearchClient } from '@commerce/elasticsearch-store';

export interface WaitForStoresOptions {
  cassandra: { contactPoints: string[]; localDataCenter: string };
  elasticsearchUrl: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

/**
 * Polls both stores (a fresh client per attempt: a driver that failed to connect is not reused)
 * until each answers its readiness check, or fails after `timeoutMs` with the last errors.
 */
export async function waitForStores(options: WaitForStoresOptions): Promise<void> {
  const { cassandra, elasticsearchUrl, timeoutMs, log } = options;
  const deadline = Date.now() + timeoutMs;
  let cassandraError: string | undefined = 'not checked yet';
  let elasticsearchError: string | undefined = 'not checked yet';
  for (let attempt = 1; ; attempt++) {
    if (cassandraError !== undefined) {
      const client = createCassandraClient({ ...cassandra, applicationName: 'store-migrations' });
      const check = await checkCassandra(client, { timeoutMs: 5_000 });
      await client.shutdown().catch(() => undefined);
      cassandraError = check.ok ? undefined : check.error;
    }
    if (elasticsearchError !== undefined) {
      const client = createElasticsearchClient({ node: elasticsearchUrl, maxRetries: 0 });
      const check = await checkElasticsearch(client, { timeoutMs: 5_000 });
      await client.close().catch(() => undefined);
      elasticsearchError = check.ok ? undefined : check.error;
    }
    if (cassandraError === undefined && elasticsearchError === undefined) return;
    const waiting = [
      cassandraError === undefined ? undefined : `Cassandra (${cassandraError})`,
      elasticsearchError === undefined ? undefined : `Elasticsearch (${elasticsearchError})`,
    ].filter((part) => part !== undefined);
    if (Date.now() + 1_000 > deadline) {
      throw new Error(`stores not ready after ${timeoutMs} ms: ${waiting.join('; ')}`);
    }
    if (attempt === 1 || attempt % 10 === 0) log?.(`waiting for ${waiting.join(' and ')}`);
    await delay(1_000);
  }
}
