import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce/config';
import {
  dropshipSettings,
  fulfillmentSearch,
  fulfillmentWriteStore,
  loadFulfillmentConfig,
  notifierSettings,
} from './config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadFulfillmentConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('fulfillment config', () => {
  it('defaults to the embedded profile, the record notifier and an occasional dropship rejection', () => {
    const config = loadFulfillmentConfig({});
    expect(fulfillmentWriteStore(config)).toEqual({
      store: 'sqlite',
      sqlitePath: config.SQLITE_PATH,
    });
    expect(fulfillmentSearch(config)).toEqual({ engine: 'sqlite' });
    expect(notifierSettings(config)).toEqual({ kind: 'record' });
    expect(dropshipSettings(config)).toEqual({ stageMs: 15_000, rejectionRate: 0.05 });
    expect(config.CASSANDRA_KEYSPACE_FULFILLMENT).toBe('fulfillment');
  });

  it('selects Cassandra, Elasticsearch and SMTP from the environment', () => {
    const config = loadFulfillmentConfig({
      CASSANDRA_CONTACT_POINTS: '10.0.0.1:9042',
      CASSANDRA_KEYSPACE_FULFILLMENT: 'fulfillment_eu',
      SCHEMA_SETUP: 'false',
      ELASTICSEARCH_URL: 'http://es:9200/',
      NOTIFIER: 'smtp',
      SMTP_URL: 'smtp://mail:2525',
      NOTIFY_FROM: 'Shop <shop@example.com>',
      DROPSHIP_REJECTION_RATE: '0',
      DROPSHIP_STAGE_MS: '500',
    });
    expect(fulfillmentWriteStore(config)).toMatchObject({
      store: 'cassandra',
      keyspace: 'fulfillment_eu',
      migrate: false,
    });
    expect(fulfillmentSearch(config)).toEqual({
      engine: 'elasticsearch',
      url: 'http://es:9200',
      indexPrefix: '',
      installIndices: false,
    });
    expect(notifierSettings(config)).toEqual({
      kind: 'smtp',
      url: 'smtp://mail:2525',
      from: 'Shop <shop@example.com>',
    });
    expect(dropshipSettings(config)).toEqual({ stageMs: 500, rejectionRate: 0 });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      DROPSHIP_REJECTION_RATE: '1.5',
      NOTIFIER: 'pigeon',
      DROPSHIP_STAGE_MS: '-1',
    });
    expect(problems.join('\n')).toMatch(/DROPSHIP_REJECTION_RATE/);
    expect(problems.join('\n')).toMatch(/NOTIFIER/);
    expect(problems.join('\n')).toMatch(/DROPSHIP_STAGE_MS/);
  });

  it('requires SMTP_URL when NOTIFIER=smtp', () => {
    expect(problemsOf({ NOTIFIER: 'smtp' })).toEqual(['SMTP_URL: required when NOTIFIER=smtp']);
  });
});
