import { ConfigError } from '@commerce/config';
import { describe, expect, it } from 'vitest';
import { loadStoreMigrationsConfig } from './config.js';

const base = {
  CASSANDRA_CONTACT_POINTS: 'cassandra:9042, cassandra-2:9042',
  ELASTICSEARCH_URL: 'http://elasticsearch:9200/',
};

describe('loadStoreMigrationsConfig', () => {
  it('applies defaults and resolves folders against the working directory', () => {
    const config = loadStoreMigrationsConfig(base, '/app');
    expect(config).toEqual({
      cassandra: {
        contactPoints: ['cassandra:9042', 'cassandra-2:9042'],
        localDataCenter: 'datacenter1',
        replication: undefined,
        keyspacePrefix: '',
        cqlDir: '/app/infra/cassandra/cql',
      },
      elasticsearch: {
        url: 'http://elasticsearch:9200',
        indexPrefix: '',
        indicesDir: '/app/infra/elasticsearch/indices',
      },
      readyTimeoutMs: 120_000,
    });
  });

  it('reads replication, prefixes, folders and the timeout', () => {
    const config = loadStoreMigrationsConfig(
      {
        ...base,
        CASSANDRA_LOCAL_DATACENTER: 'eu-west',
        CASSANDRA_REPLICATION: '{"class":"NetworkTopologyStrategy","eu-west":3}',
        CASSANDRA_KEYSPACE_PREFIX: 'staging_',
        CASSANDRA_CQL_DIR: '/schema/cql',
        ELASTICSEARCH_INDEX_PREFIX: 'staging-',
        ELASTICSEARCH_INDICES_DIR: 'schema/indices',
        STORES_READY_TIMEOUT_MS: '5000',
      },
      '/work',
    );
    expect(config.cassandra.replication).toEqual({
      class: 'NetworkTopologyStrategy',
      'eu-west': 3,
    });
    expect(config.cassandra.localDataCenter).toBe('eu-west');
    expect(config.cassandra.keyspacePrefix).toBe('staging_');
    expect(config.cassandra.cqlDir).toBe('/schema/cql');
    expect(config.elasticsearch.indexPrefix).toBe('staging-');
    expect(config.elasticsearch.indicesDir).toBe('/work/schema/indices');
    expect(config.readyTimeoutMs).toBe(5000);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadStoreMigrationsConfig({
        ELASTICSEARCH_URL: 'elasticsearch:9200',
        CASSANDRA_KEYSPACE_PREFIX: 'Bad-Prefix',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/CASSANDRA_CONTACT_POINTS/);
    expect(problems).toMatch(/ELASTICSEARCH_URL/);
    expect(problems).toMatch(/CASSANDRA_KEYSPACE_PREFIX/);
  });

  it('refuses replication that is not a JSON object with a class', () => {
    for (const raw of [
      '{"replication_factor":3}',
      '[1,2]',
      'SimpleStrategy',
      '{"class":"X","rf":true}',
    ]) {
      expect(() => loadStoreMigrationsConfig({ ...base, CASSANDRA_REPLICATION: raw })).toThrow(
        /CASSANDRA_REPLICATION: expected a JSON object/,
      );
    }
  });

  it('refuses contact points without a host', () => {
    expect(() => loadStoreMigrationsConfig({ ...base, CASSANDRA_CONTACT_POINTS: ' , ' })).toThrow(
      /CASSANDRA_CONTACT_POINTS: no host/,
    );
  });
});
