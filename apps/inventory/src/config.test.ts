import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce/config';
import { loadInventoryConfig, projectorSettings, writeStoreSettings } from './config.js';

describe('inventory config', () => {
  it('applies the defaults', () => {
    const config = loadInventoryConfig({});
    expect(config).toMatchObject({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      SQLITE_PATH: '.data/commerce.db',
      LOG_LEVEL: 'info',
      LOW_STOCK_THRESHOLD: 5,
    });
    expect(config.WORKFLOW_BUNDLE).toBeUndefined();
    expect(projectorSettings(config)).toEqual({ batchWindowMs: 1_000, sweepIntervalMs: 300_000, maxSignalsPerRun: 500, projectionBatchSize: 500 });
  });

  it('converts numbers and lists every problem at once', () => {
    expect(loadInventoryConfig({ PROJECTOR_BATCH_SIZE: '50' }).PROJECTOR_BATCH_SIZE).toBe(50);
    let error: unknown;
    try {
      loadInventoryConfig({ PROJECTOR_SWEEP_INTERVAL_MS: '5', LOG_LEVEL: 'loud', TEMPORAL_ADDRESS: 'no port' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PROJECTOR_SWEEP_INTERVAL_MS/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/TEMPORAL_ADDRESS/);
  });

  it('selects the write store: STORE, else cassandra when contact points are given, else sqlite', () => {
    expect(writeStoreSettings(loadInventoryConfig({}))).toEqual({ store: 'sqlite', sqlitePath: '.data/commerce.db' });
    expect(writeStoreSettings(loadInventoryConfig({ CASSANDRA_CONTACT_POINTS: ' 10.0.0.1:9042, 10.0.0.2 ,' }))).toEqual({
      store: 'cassandra',
      contactPoints: ['10.0.0.1:9042', '10.0.0.2'],
      localDataCenter: 'datacenter1',
      keyspace: 'inventory',
      migrate: true,
    });
    // Deployments leave schema to the migrations job.
    expect(writeStoreSettings(loadInventoryConfig({ CASSANDRA_CONTACT_POINTS: 'c1', SCHEMA_SETUP: 'false' }))).toMatchObject({ migrate: false });
    expect(
      writeStoreSettings(loadInventoryConfig({ STORE: 'cassandra', CASSANDRA_CONTACT_POINTS: 'c1', CASSANDRA_LOCAL_DATACENTER: 'eu-west', CASSANDRA_KEYSPACE_INVENTORY: 'inv_eu' })),
    ).toMatchObject({ store: 'cassandra', localDataCenter: 'eu-west', keyspace: 'inv_eu' });
    expect(writeStoreSettings(loadInventoryConfig({ STORE: 'sqlite', CASSANDRA_CONTACT_POINTS: 'c1' }))).toMatchObject({ store: 'sqlite' });
    expect(() => writeStoreSettings(loadInventoryConfig({ STORE: 'cassandra' }))).toThrow(ConfigError);
    expect(() => loadInventoryConfig({ STORE: 'mongo', CASSANDRA_KEYSPACE_INVENTORY: 'bad-name' })).toThrow(/STORE[\s\S]*CASSANDRA_KEYSPACE_INVENTORY/);
  });
});
