import { Type, type Static } from '@sinclair/typebox';
import { ConfigError } from './parse-env.js';
import { SchemaSetupSetting } from './schema-setup-setting.js';

/**
 * Where a domain keeps its write model: the shared SQLite file (the embedded profile) or
 * Cassandra. Spread into an app's config schema together with the app's own keyspace setting
 * (`CassandraKeyspaceSetting('inventory')` under e.g. `CASSANDRA_KEYSPACE_INVENTORY`).
 */
export const WriteStoreSettingsSchema = Type.Object({
  SQLITE_PATH: Type.String({
    default: '.data/commerce.db',
    minLength: 1,
    description: 'The shared SQLite (WAL) file of the embedded profile',
  }),
  /** The write store: sqlite or cassandra; absent → cassandra when contact points are given, else sqlite. */
  STORE: Type.Optional(
    Type.Union([Type.Literal('sqlite'), Type.Literal('cassandra')], {
      description: 'Write store: sqlite or cassandra',
    }),
  ),
  /** Comma-separated `host` or `host:port` list; selects cassandra when STORE is absent. */
  CASSANDRA_CONTACT_POINTS: Type.Optional(
    Type.String({ minLength: 1, description: 'Comma-separated host[:port] list' }),
  ),
  CASSANDRA_LOCAL_DATACENTER: Type.String({ default: 'datacenter1', minLength: 1 }),
  SCHEMA_SETUP: SchemaSetupSetting,
});

export type WriteStoreConfig = Static<typeof WriteStoreSettingsSchema>;

/** A Cassandra keyspace name setting with its default (CQL identifiers: ≤ 48 characters). */
export function CassandraKeyspaceSetting(defaultName: string) {
  return Type.String({
    default: defaultName,
    pattern: '^[A-Za-z][A-Za-z0-9_]{0,47}$',
    description: 'Cassandra keyspace',
  });
}

export type WriteStoreSettings =
  | { store: 'sqlite'; sqlitePath: string }
  | {
      store: 'cassandra';
      contactPoints: string[];
      localDataCenter: string;
      keyspace: string;
      migrate: boolean;
    };

/**
 * Which write store to use: STORE, else cassandra when CASSANDRA_CONTACT_POINTS is set, else
 * sqlite. `keyspace` is the app's own keyspace (from its config); `migrate` is SCHEMA_SETUP.
 */
export function writeStoreSettings(config: WriteStoreConfig, keyspace: string): WriteStoreSettings {
  const contactPoints = (config.CASSANDRA_CONTACT_POINTS ?? '')
    .split(',')
    .map((point) => point.trim())
    .filter((point) => point !== '');
  const store = config.STORE ?? (contactPoints.length > 0 ? 'cassandra' : 'sqlite');
  if (store === 'sqlite') return { store, sqlitePath: config.SQLITE_PATH };
  if (contactPoints.length === 0)
    throw new ConfigError(['CASSANDRA_CONTACT_POINTS: required when STORE=cassandra']);
  return {
    store,
    contactPoints,
    localDataCenter: config.CASSANDRA_LOCAL_DATACENTER,
    keyspace,
    migrate: config.SCHEMA_SETUP,
  };
}
