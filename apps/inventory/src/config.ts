import { Type, type Static } from '@sinclair/typebox';
import {
  CassandraKeyspaceSetting,
  parseEnv,
  searchSettings,
  SearchSettingsSchema,
  writeStoreSettings as selectWriteStore,
  WriteStoreSettingsSchema,
  type SearchSettings,
  type WriteStoreSettings,
} from '@commerce/config';
import type { InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';

const int = (defaultValue: number, minimum: number, maximum: number) => Type.Integer({ default: defaultValue, minimum, maximum });

export const InventoryConfigSchema = Type.Object({
  /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, LOG_LEVEL, WORKFLOW_BUNDLE. */
  ...WorkerSettingsSchema.properties,
  /** SQLITE_PATH, STORE, CASSANDRA_CONTACT_POINTS, CASSANDRA_LOCAL_DATACENTER, SCHEMA_SETUP. */
  ...WriteStoreSettingsSchema.properties,
  /** SEARCH, ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX (and SCHEMA_SETUP). */
  ...SearchSettingsSchema.properties,
  CASSANDRA_KEYSPACE_INVENTORY: CassandraKeyspaceSetting('inventory'),
  PROJECTOR_BATCH_WINDOW_MS: int(1_000, 0, 60_000),
  PROJECTOR_SWEEP_INTERVAL_MS: int(300_000, 100, 24 * 3_600_000),
  PROJECTOR_MAX_SIGNALS_PER_RUN: int(500, 1, 100_000),
  PROJECTOR_BATCH_SIZE: int(500, 1, 5_000),
  LOW_STOCK_THRESHOLD: int(5, 0, 1_000_000),
});
export type InventoryConfig = Static<typeof InventoryConfigSchema>;

/** The only reader of the environment: parses it once and fails listing every problem. */
export function loadInventoryConfig(env: Record<string, string | undefined> = process.env): InventoryConfig {
  return parseEnv(InventoryConfigSchema, env);
}

export function projectorSettings(config: InventoryConfig): InventoryProjectorSettings {
  return {
    batchWindowMs: config.PROJECTOR_BATCH_WINDOW_MS,
    sweepIntervalMs: config.PROJECTOR_SWEEP_INTERVAL_MS,
    maxSignalsPerRun: config.PROJECTOR_MAX_SIGNALS_PER_RUN,
    projectionBatchSize: config.PROJECTOR_BATCH_SIZE,
  };
}

/** The catalog read model: SEARCH, else elasticsearch when ELASTICSEARCH_URL is set, else sqlite. */
export type ReadModelSettings = SearchSettings;
export const readModelSettings = (config: InventoryConfig): ReadModelSettings => searchSettings(config);

/** The write store: STORE, else cassandra when CASSANDRA_CONTACT_POINTS is set, else sqlite (keyspace CASSANDRA_KEYSPACE_INVENTORY). */
export type { WriteStoreSettings };
export const writeStoreSettings = (config: InventoryConfig): WriteStoreSettings =>
  selectWriteStore(config, config.CASSANDRA_KEYSPACE_INVENTORY);
