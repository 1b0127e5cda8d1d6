import { Type, type Static } from '@sinclair/typebox';
import { ConfigError, parseEnv } from '@commerce/config';
import type { InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { TemporalSettingsSchema } from '@commerce/worker-runtime';

const int = (defaultValue: number, minimum: number, maximum: number) => Type.Integer({ default: defaultValue, minimum, maximum });

export const InventoryConfigSchema = Type.Object({
  ...TemporalSettingsSchema.properties,
  SQLITE_PATH: Type.String({ default: '.data/commerce.db', minLength: 1 }),
  /** The write store (catalog, stock, holds, journal): sqlite (default) or cassandra. */
  STORE: Type.Optional(Type.Union([Type.Literal('sqlite'), Type.Literal('cassandra')])),
  /** Comma-separated `host` or `host:port` list; selects cassandra when STORE is absent. */
  CASSANDRA_CONTACT_POINTS: Type.Optional(Type.String({ minLength: 1 })),
  CASSANDRA_LOCAL_DATACENTER: Type.String({ default: 'datacenter1', minLength: 1 }),
  /**
   * Apply the Cassandra keyspace's CQL and install the Elasticsearch index templates at start (local
   * runs). Deployments set false: the one-shot migrations job owns schema there.
   */
  SCHEMA_SETUP: Type.Boolean({ default: true }),
  CASSANDRA_KEYSPACE_INVENTORY: Type.String({ default: 'inventory', pattern: '^[A-Za-z][A-Za-z0-9_]{0,47}$' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  PROJECTOR_BATCH_WINDOW_MS: int(1_000, 0, 60_000),
  PROJECTOR_SWEEP_INTERVAL_MS: int(300_000, 100, 24 * 3_600_000),
  PROJECTOR_MAX_SIGNALS_PER_RUN: int(500, 1, 100_000),
  PROJECTOR_BATCH_SIZE: int(500, 1, 5_000),
  /** A prebuilt workflow bundle; without it the worker bundles src/workflows at start (development). */
  INVENTORY_WORKFLOW_BUNDLE: Type.Optional(Type.String({ minLength: 1 })),
  LOW_STOCK_THRESHOLD: int(5, 0, 1_000_000),
  /** The catalog read model written by the import and the projector: sqlite (default) or elasticsearch. */
  SEARCH: Type.Optional(Type.Union([Type.Literal('sqlite'), Type.Literal('elasticsearch')])),
  /** Selects elasticsearch when SEARCH is absent. */
  ELASTICSEARCH_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  ELASTICSEARCH_INDEX_PREFIX: Type.String({ pattern: '^([a-z0-9][a-z0-9_.-]*)?$', default: '' }),
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

export type ReadModelSettings =
  | { engine: 'sqlite' }
  | { engine: 'elasticsearch'; url: string; indexPrefix: string; installIndices: boolean };

/** Which catalog read model to write: SEARCH, else elasticsearch when ELASTICSEARCH_URL is set, else sqlite. */
export function readModelSettings(config: InventoryConfig): ReadModelSettings {
  const url = config.ELASTICSEARCH_URL?.replace(/\/+$/, '');
  const engine = config.SEARCH ?? (url === undefined ? 'sqlite' : 'elasticsearch');
  if (engine === 'sqlite') return { engine };
  if (url === undefined) throw new ConfigError(['ELASTICSEARCH_URL: required when SEARCH=elasticsearch']);
  return { engine, url, indexPrefix: config.ELASTICSEARCH_INDEX_PREFIX, installIndices: config.SCHEMA_SETUP };
}

export type WriteStoreSettings =
  | { store: 'sqlite' }
  | { store: 'cassandra'; contactPoints: string[]; localDataCenter: string; keyspace: string; migrate: boolean };

/** Which write store to use: STORE, else cassandra when CASSANDRA_CONTACT_POINTS is set, else sqlite. */
export function writeStoreSettings(config: InventoryConfig): WriteStoreSettings {
  const contactPoints = (config.CASSANDRA_CONTACT_POINTS ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  const store = config.STORE ?? (contactPoints.length > 0 ? 'cassandra' : 'sqlite');
  if (store === 'sqlite') return { store };
  if (contactPoints.length === 0) throw new ConfigError(['CASSANDRA_CONTACT_POINTS: required when STORE=cassandra']);
  return { store, contactPoints, localDataCenter: config.CASSANDRA_LOCAL_DATACENTER, keyspace: config.CASSANDRA_KEYSPACE_INVENTORY, migrate: config.SCHEMA_SETUP };
}
