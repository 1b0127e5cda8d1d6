import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  CassandraKeyspaceSetting,
  ConfigError,
  LogLevelSettingsSchema,
  SearchSettingsSchema,
  TemporalSettingsSchema,
  WriteStoreSettingsSchema,
  parseEnv,
  searchSettings,
  writeStoreSettings,
} from './index.js';

// An app's config as apps build it: the pieces spread into one schema, plus its own keys.
const AppConfigSchema = Type.Object({
  ...TemporalSettingsSchema.properties,
  ...LogLevelSettingsSchema.properties,
  ...WriteStoreSettingsSchema.properties,
  ...SearchSettingsSchema.properties,
  CASSANDRA_KEYSPACE_SHOP: CassandraKeyspaceSetting('shop'),
});
const load = (env: Record<string, string>) => parseEnv(AppConfigSchema, env);

describe('the shared config pieces', () => {
  it('spread into one schema with their defaults', () => {
    expect(load({})).toEqual({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      LOG_LEVEL: 'info',
      SQLITE_PATH: '.data/commerce.db',
      CASSANDRA_LOCAL_DATACENTER: 'datacenter1',
      SCHEMA_SETUP: true,
      ELASTICSEARCH_INDEX_PREFIX: '',
      CASSANDRA_KEYSPACE_SHOP: 'shop',
    });
  });

  it('name their environment variables in the exported schemas', () => {
    expect(Object.keys(WriteStoreSettingsSchema.properties).sort()).toEqual([
      'CASSANDRA_CONTACT_POINTS',
      'CASSANDRA_LOCAL_DATACENTER',
      'SCHEMA_SETUP',
      'SQLITE_PATH',
      'STORE',
    ]);
    expect(Object.keys(SearchSettingsSchema.properties).sort()).toEqual([
      'ELASTICSEARCH_INDEX_PREFIX',
      'ELASTICSEARCH_URL',
      'SCHEMA_SETUP',
      'SEARCH',
    ]);
    expect(Object.keys(LogLevelSettingsSchema.properties)).toEqual(['LOG_LEVEL']);
  });

  it('list every problem at once', () => {
    let error: unknown;
    try {
      load({
        LOG_LEVEL: 'loud',
        STORE: 'mongo',
        SEARCH: 'solr',
        CASSANDRA_KEYSPACE_SHOP: 'bad-name',
        TEMPORAL_ADDRESS: 'x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of [
      'LOG_LEVEL',
      'STORE',
      'SEARCH',
      'CASSANDRA_KEYSPACE_SHOP',
      'TEMPORAL_ADDRESS',
    ])
      expect(problems).toContain(key);
  });
});

describe('writeStoreSettings', () => {
  it('selects STORE, else cassandra when contact points are given, else sqlite', () => {
    expect(writeStoreSettings(load({ SQLITE_PATH: '/tmp/x.db' }), 'shop')).toEqual({
      store: 'sqlite',
      sqlitePath: '/tmp/x.db',
    });
    expect(
      writeStoreSettings(
        load({ CASSANDRA_CONTACT_POINTS: ' 10.0.0.1:9042, 10.0.0.2 ,' }),
        'shop_eu',
      ),
    ).toEqual({
      store: 'cassandra',
      contactPoints: ['10.0.0.1:9042', '10.0.0.2'],
      localDataCenter: 'datacenter1',
      keyspace: 'shop_eu',
      migrate: true,
    });
    expect(
      writeStoreSettings(load({ CASSANDRA_CONTACT_POINTS: 'c1', SCHEMA_SETUP: 'false' }), 'shop'),
    ).toMatchObject({ migrate: false });
    expect(
      writeStoreSettings(load({ STORE: 'sqlite', CASSANDRA_CONTACT_POINTS: 'c1' }), 'shop'),
    ).toMatchObject({ store: 'sqlite' });
  });

  it('fails with a ConfigError when STORE=cassandra has no contact points', () => {
    expect(() => writeStoreSettings(load({ STORE: 'cassandra' }), 'shop')).toThrow(ConfigError);
    expect(() =>
      writeStoreSettings(load({ STORE: 'cassandra', CASSANDRA_CONTACT_POINTS: ' , ' }), 'shop'),
    ).toThrow(/CASSANDRA_CONTACT_POINTS/);
  });
});

describe('searchSettings', () => {
  it('selects SEARCH, else elasticsearch when ELASTICSEARCH_URL is set, else sqlite', () => {
    expect(searchSettings(load({}))).toEqual({ engine: 'sqlite' });
    expect(
      searchSettings(
        load({ ELASTICSEARCH_URL: 'http://es:9200//', ELASTICSEARCH_INDEX_PREFIX: 'run1_' }),
      ),
    ).toEqual({
      engine: 'elasticsearch',
      url: 'http://es:9200',
      indexPrefix: 'run1_',
      installIndices: true,
    });
    expect(
      searchSettings(load({ ELASTICSEARCH_URL: 'http://es:9200', SCHEMA_SETUP: 'false' })),
    ).toMatchObject({ installIndices: false });
    expect(searchSettings(load({ SEARCH: 'sqlite', ELASTICSEARCH_URL: 'http://es:9200' }))).toEqual(
      { engine: 'sqlite' },
    );
    expect(() => searchSettings(load({ SEARCH: 'elasticsearch' }))).toThrow(
      /ELASTICSEARCH_URL: required/,
    );
  });
});
