import { Type, type Static } from '@sinclair/typebox';
import {
  CassandraKeyspaceSetting,
  SearchSettingsSchema,
  WriteStoreSettingsSchema,
  parseEnv,
  searchSettings,
  writeStoreSettings,
  type SearchSettings,
  type WriteStoreSettings,
} from '@commerce/config';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';

/** Every variable the OMS worker reads (the kit's pieces plus its own). */
export const OmsConfigSchema = Type.Object({
  ...WorkerSettingsSchema.properties,
  ...WriteStoreSettingsSchema.properties,
  ...SearchSettingsSchema.properties,
  CASSANDRA_KEYSPACE_OMS: CassandraKeyspaceSetting('oms'),
  /** How long an order's projection writes (views, timeline, orders search document) are batched. */
  ORDER_PROJECTION_FLUSH_MS: Type.Integer({ default: 1_000, minimum: 0, maximum: 60_000, description: 'Batch window of order projection writes' }),
});
export type OmsConfig = Static<typeof OmsConfigSchema>;

/** The only reader of the environment: parses it once and fails listing every problem. */
export function loadOmsConfig(env: Record<string, string | undefined> = process.env): OmsConfig {
  return parseEnv(OmsConfigSchema, env);
}

/** The write store (orders, timeline): SQLite or the oms keyspace. */
export function omsWriteStoreSettings(config: OmsConfig): WriteStoreSettings {
  return writeStoreSettings(config, config.CASSANDRA_KEYSPACE_OMS);
}

/** Where the `orders` search projection lives. */
export function omsSearchSettings(config: OmsConfig): SearchSettings {
  return searchSettings(config);
}
