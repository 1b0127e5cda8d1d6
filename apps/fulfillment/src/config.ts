import { Type, type Static } from '@sinclair/typebox';
import {
  CassandraKeyspaceSetting,
  ConfigError,
  parseEnv,
  searchSettings,
  SearchSettingsSchema,
  writeStoreSettings,
  WriteStoreSettingsSchema,
  type SearchSettings,
  type WriteStoreSettings,
} from '@commerce/config';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';

/**
 * Every environment variable the fulfillment worker reads. MANUAL_FULFILLMENT is not one of them:
 * it is the gateway's setting and travels in the order (FulfillmentSettings.mode), like the stage
 * durations and the dropship poll interval.
 */
export const FulfillmentConfigSchema = Type.Object({
  ...WorkerSettingsSchema.properties,
  ...WriteStoreSettingsSchema.properties,
  ...SearchSettingsSchema.properties,
  CASSANDRA_KEYSPACE_FULFILLMENT: CassandraKeyspaceSetting('fulfillment'),
  /** Share of dropship orders the simulated dropshipper refuses, 0..1, deterministic per supplier order. */
  DROPSHIP_REJECTION_RATE: Type.Number({ minimum: 0, maximum: 1, default: 0.05 }),
  /** How long each stage at the simulated dropshipper lasts (received → processing → shipped → delivered). */
  DROPSHIP_STAGE_MS: Type.Integer({ minimum: 0, maximum: 7 * 24 * 3_600_000, default: 15_000 }),
  /** Where shopper notifications go: record (kept in the store only) or smtp (SMTP_URL). */
  NOTIFIER: Type.Union([Type.Literal('record'), Type.Literal('smtp')], { default: 'record' }),
  /** e.g. smtp://user:pass@mail.example.com:587 — required when NOTIFIER=smtp. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
  /** The From of shopper e-mails. */
  NOTIFY_FROM: Type.String({
    minLength: 3,
    maxLength: 200,
    default: 'Durable Commerce <orders@durable-commerce.local>',
  }),
});
export type FulfillmentConfig = Static<typeof FulfillmentConfigSchema>;

/** The only reader of the environment: parses it once and fails listing every problem. */
export function loadFulfillmentConfig(
  env: Record<string, string | undefined> = process.env,
): FulfillmentConfig {
  const problems: string[] = [];
  let config: FulfillmentConfig | undefined;
  try {
    config = parseEnv(FulfillmentConfigSchema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (env.NOTIFIER === 'smtp' && (env.SMTP_URL ?? '') === '') {
    problems.push('SMTP_URL: required when NOTIFIER=smtp');
  }
  if (config === undefined || problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const fulfillmentWriteStore = (config: FulfillmentConfig): WriteStoreSettings =>
  writeStoreSettings(config, config.CASSANDRA_KEYSPACE_FULFILLMENT);
export const fulfillmentSearch = (config: FulfillmentConfig): SearchSettings =>
  searchSettings(config);

export type NotifierSettings = { kind: 'record' } | { kind: 'smtp'; url: string; from: string };

export function notifierSettings(config: FulfillmentConfig): NotifierSettings {
  if (config.NOTIFIER === 'record') return { kind: 'record' };
  if (config.SMTP_URL === undefined)
    throw new ConfigError(['SMTP_URL: required when NOTIFIER=smtp']);
  return { kind: 'smtp', url: config.SMTP_URL, from: config.NOTIFY_FROM };
}

export const dropshipSettings = (config: FulfillmentConfig) => ({
  stageMs: config.DROPSHIP_STAGE_MS,
  rejectionRate: config.DROPSHIP_REJECTION_RATE,
});
