import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Comma-separated `host:port` of the run's Cassandra ('' when the stores are skipped). */
    cassandraContactPoints: string;
    cassandraLocalDataCenter: string;
    /** `http://host:port` of the run's Elasticsearch ('' when the stores are skipped). */
    elasticsearchUrl: string;
    /** '' when both stores are available; otherwise the one-line reason why they are not. */
    storesSkipReason: string;
    /** How the stores were obtained (started locally and how fast, or from the environment). */
    storesOrigin: string;
  }
}

/** What the stores global setup provides to every test file. */
export interface StoresProvidedContext {
  cassandraContactPoints: string;
  cassandraLocalDataCenter: string;
  elasticsearchUrl: string;
  storesSkipReason: string;
  storesOrigin: string;
}

export interface TestStores {
  cassandra: { contactPoints: string[]; localDataCenter: string };
  elasticsearchUrl: string;
  /** e.g. "started locally: Cassandra 5.0.9 in 27.1 s, Elasticsearch in 19.8 s". */
  origin: string;
}

/**
 * The run's Cassandra and Elasticsearch, or `{ skipReason }` when this machine has neither Java
 * nor CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL (never under CI=true: the setup fails there).
 * Use: `const stores = testStores(); describe.skipIf('skipReason' in stores)(...)`.
 */
export function testStores(): TestStores | { skipReason: string } {
  const skipReason = inject('storesSkipReason');
  if (typeof skipReason !== 'string') {
    throw new Error(
      'no stores in this test run (storesSkipReason not provided): use defineCommerceVitestConfig({ stores: true })',
    );
  }
  if (skipReason !== '') return { skipReason };
  return {
    cassandra: {
      contactPoints: inject('cassandraContactPoints')
        .split(',')
        .filter((point) => point !== ''),
      localDataCenter: inject('cassandraLocalDataCenter'),
    },
    elasticsearchUrl: inject('elasticsearchUrl'),
    origin: inject('storesOrigin'),
  };
}

/** The stores, or a thrown error with the skip reason (for code that already checked). */
export function requireTestStores(): TestStores {
  const stores = testStores();
  if ('skipReason' in stores) throw new Error(`stores unavailable: ${stores.skipReason}`);
  return stores;
}

/**
 * A name no other test uses, valid as a Cassandra keyspace and (lowercase) as an Elasticsearch
 * index prefix: `<prefix>_<10 hex>`. Tests share one server per run, so isolate by name.
 */
export function uniqueStoreName(prefix: string): string {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) {
    throw new RangeError(
      `store name prefix ${JSON.stringify(prefix)}: lowercase letter, then [a-z0-9_], at most 31`,
    );
  }
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
