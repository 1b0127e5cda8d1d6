import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce/config';
import { loadOmsConfig, omsSearchSettings, omsWriteStoreSettings, OmsConfigSchema } from './config.js';

describe('OMS config', () => {
  it('defaults to the embedded profile with a 1 s projection batch window', () => {
    const config = loadOmsConfig({});
    expect(config.ORDER_PROJECTION_FLUSH_MS).toBe(1_000);
    expect(omsWriteStoreSettings(config)).toEqual({ store: 'sqlite', sqlitePath: '.data/commerce.db' });
    expect(omsSearchSettings(config)).toEqual({ engine: 'sqlite' });
  });

  it('selects Cassandra (keyspace oms) and Elasticsearch from their addresses', () => {
    const config = loadOmsConfig({
      CASSANDRA_CONTACT_POINTS: '10.0.0.1:9042,10.0.0.2',
      ELASTICSEARCH_URL: 'http://es:9200/',
      ELASTICSEARCH_INDEX_PREFIX: 'prod_',
      SCHEMA_SETUP: 'false',
      ORDER_PROJECTION_FLUSH_MS: '250',
    });
    expect(omsWriteStoreSettings(config)).toEqual({ store: 'cassandra', contactPoints: ['10.0.0.1:9042', '10.0.0.2'], localDataCenter: 'datacenter1', keyspace: 'oms', migrate: false });
    expect(omsSearchSettings(config)).toEqual({ engine: 'elasticsearch', url: 'http://es:9200', indexPrefix: 'prod_', installIndices: false });
    expect(config.ORDER_PROJECTION_FLUSH_MS).toBe(250);
    expect(loadOmsConfig({ CASSANDRA_KEYSPACE_OMS: 'oms_eu' }).CASSANDRA_KEYSPACE_OMS).toBe('oms_eu');
  });

  it('lists every problem at once', () => {
    try {
      loadOmsConfig({ ORDER_PROJECTION_FLUSH_MS: '-5', CASSANDRA_KEYSPACE_OMS: 'bad-name', SEARCH: 'solr' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/ORDER_PROJECTION_FLUSH_MS/);
      expect(problems).toMatch(/CASSANDRA_KEYSPACE_OMS/);
      expect(problems).toMatch(/SEARCH/);
    }
  });

  it('exports its schema with the kit pieces (the compose test reads the keys)', () => {
    expect(Object.keys(OmsConfigSchema.properties)).toEqual(
      expect.arrayContaining(['TEMPORAL_ADDRESS', 'SQLITE_PATH', 'STORE', 'SEARCH', 'ELASTICSEARCH_URL', 'CASSANDRA_KEYSPACE_OMS', 'ORDER_PROJECTION_FLUSH_MS', 'WORKFLOW_BUNDLE']),
    );
  });
});
