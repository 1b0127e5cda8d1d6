import { Type, type Static } from '@sinclair/typebox';
import { CassandraKeyspaceSetting, parseEnv, writeStoreSettings, WriteStoreSettingsSchema, type WriteStoreSettings } from '@commerce/config';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';

export const CartConfigSchema = Type.Object({
  /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, LOG_LEVEL, WORKFLOW_BUNDLE. */
  ...WorkerSettingsSchema.properties,
  /** SQLITE_PATH, STORE, CASSANDRA_CONTACT_POINTS, CASSANDRA_LOCAL_DATACENTER, SCHEMA_SETUP. */
  ...WriteStoreSettingsSchema.properties,
  CASSANDRA_KEYSPACE_CART: CassandraKeyspaceSetting('cart'),
});
export type CartConfig = Static<typeof CartConfigSchema>;

/** The only reader of the environment: parses it once and fails listing every problem. */
export function loadCartConfig(env: Record<string, string | undefined> = process.env): CartConfig {
  return parseEnv(CartConfigSchema, env);
}

/** The coupon store: STORE, else cassandra when CASSANDRA_CONTACT_POINTS is set, else sqlite. */
export const cartWriteStore = (config: CartConfig): WriteStoreSettings => writeStoreSettings(config, config.CASSANDRA_KEYSPACE_CART);
