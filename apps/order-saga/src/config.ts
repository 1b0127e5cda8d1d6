import { Type, type Static } from '@sinclair/typebox';
import {
  CassandraKeyspaceSetting,
  parseEnv,
  writeStoreSettings,
  WriteStoreSettingsSchema,
  type WriteStoreSettings,
} from '@commerce/config';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';
import { DEFAULT_CREDIT_LIMIT } from './domain/payment-rules.js';

export const OrderSagaConfigSchema = Type.Object({
  /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, LOG_LEVEL, WORKFLOW_BUNDLE. */
  ...WorkerSettingsSchema.properties,
  /** SQLITE_PATH, STORE, CASSANDRA_CONTACT_POINTS, CASSANDRA_LOCAL_DATACENTER, SCHEMA_SETUP. */
  ...WriteStoreSettingsSchema.properties,
  CASSANDRA_KEYSPACE_ORDER_SAGA: CassandraKeyspaceSetting('order_saga'),
  /** Share of payment-provider calls that fail transiently (retryable PaymentProviderUnavailableError), 0..1. */
  PAYMENT_FAILURE_RATE: Type.Number({
    default: 0,
    minimum: 0,
    maximum: 1,
    description: 'Simulated provider: transient failure rate 0..1',
  }),
  /** Makes the transient failures repeatable (a seeded generator instead of Math.random). */
  PAYMENT_FAILURE_SEED: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 4_294_967_295,
      description: 'Simulated provider: failure seed',
    }),
  ),
  /** Authorizations above this many minor units decline (default 10,000.00). */
  PAYMENT_CREDIT_LIMIT: Type.Integer({
    default: DEFAULT_CREDIT_LIMIT,
    minimum: 0,
    maximum: 1_000_000_000_00,
    description: 'Simulated provider: credit limit in minor units',
  }),
});
export type OrderSagaConfig = Static<typeof OrderSagaConfigSchema>;

/** The only reader of the environment: parses it once and fails listing every problem. */
export function loadOrderSagaConfig(
  env: Record<string, string | undefined> = process.env,
): OrderSagaConfig {
  return parseEnv(OrderSagaConfigSchema, env);
}

/** The payments ledger's store: STORE, else cassandra when CASSANDRA_CONTACT_POINTS is set, else sqlite. */
export const orderSagaWriteStore = (config: OrderSagaConfig): WriteStoreSettings =>
  writeStoreSettings(config, config.CASSANDRA_KEYSPACE_ORDER_SAGA);

export interface PaymentProviderSettings {
  failureRate: number;
  failureSeed?: number;
  creditLimit: number;
}

export const paymentProviderSettings = (config: OrderSagaConfig): PaymentProviderSettings => ({
  failureRate: config.PAYMENT_FAILURE_RATE,
  ...(config.PAYMENT_FAILURE_SEED === undefined
    ? {}
    : { failureSeed: config.PAYMENT_FAILURE_SEED }),
  creditLimit: config.PAYMENT_CREDIT_LIMIT,
});
