import { Type } from '@sinclair/typebox';
import {
  CassandraKeyspaceSetting,
  ConfigError,
  LogLevelSettingsSchema,
  SearchSettingsSchema,
  WriteStoreSettingsSchema,
  parseEnv,
  searchSettings,
  writeStoreSettings,
  type SearchSettings,
  type WriteStoreSettings,
} from '@commerce/config';
import type { CartSettings } from '@commerce/contracts/cart';
import type { OrderSagaSettings } from '@commerce/contracts/order-saga';

const int = (defaultValue: number, minimum: number, maximum: number, description: string) =>
  Type.Integer({ default: defaultValue, minimum, maximum, description });

/** Every environment variable the gateway reads. This file is the only reader of `process.env`. */
export const GatewayEnvSchema = Type.Object({
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  /**
   * Where the idempotency records live (SQLITE_PATH, STORE, CASSANDRA_CONTACT_POINTS, …): the
   * shared SQLite file, or Cassandra (keyspace CASSANDRA_KEYSPACE_GATEWAY) so every gateway
   * replica sees the same keys.
   */
  ...WriteStoreSettingsSchema.properties,
  CASSANDRA_KEYSPACE_GATEWAY: CassandraKeyspaceSetting('gateway'),
  /** The read models (catalog, orders): SQLite by default, Elasticsearch when ELASTICSEARCH_URL is set. */
  ...SearchSettingsSchema.properties,
  TEMPORAL_ADDRESS: Type.String({ minLength: 1, default: '127.0.0.1:7233' }),
  TEMPORAL_NAMESPACE: Type.String({ minLength: 1, default: 'default' }),
  TEMPORAL_UI_URL: Type.String({ pattern: '^https?://[^\\s]+$', default: 'http://127.0.0.1:8233' }),
  ADMIN_BOOTSTRAP_TOKEN: Type.String({
    minLength: 24,
    maxLength: 512,
    pattern: '^[\\x21-\\x7E]+$',
  }),
  CORS_ORIGINS: Type.String({ minLength: 1, default: '*' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1_024, maximum: 10 * 1024 * 1024, default: 65_536 }),
  ...LogLevelSettingsSchema.properties,
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** How long a mutating request waits for its workflow's result before answering 504. */
  WORKFLOW_RESULT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),

  // ---- the order saga's settings, passed in every order's saga input (POST /v1/orders) ----
  ORDER_APPROVAL_THRESHOLD: int(
    500_000,
    0,
    1_000_000_000_00,
    'Orders whose total is above this (minor units) wait for a human approval',
  ),
  ORDER_APPROVAL_WINDOW_MS: int(
    86_400_000,
    1,
    30 * 86_400_000,
    'How long a high-value order waits for the decision before it is compensated',
  ),
  ORDER_RETURN_WINDOW_MS: int(
    7 * 86_400_000,
    1,
    365 * 86_400_000,
    'How long after delivery a return may be requested; then the order completes',
  ),
  ORDER_HOLD_TTL_SECONDS: int(900, 1, 86_400, "A direct order's stock hold lifetime before payment"),
  MANUAL_FULFILLMENT: Type.Boolean({
    default: false,
    description: 'true: every supplier order waits for an admin to advance it (fulfillment mode manual)',
  }),
  FULFILLMENT_STAGE_MS: int(
    15_000,
    0,
    86_400_000,
    'Duration of each simulated fulfillment stage (processing, shipped, delivered)',
  ),
  DROPSHIP_POLL_MS: int(10_000, 1, 3_600_000, "How often the dropshipper's API is polled"),

  // ---- the cart's and its checkouts' settings, passed in every cart's workflow input ----
  CART_HOLD_TTL_SECONDS: int(
    900,
    1,
    86_400,
    "How long a cart's stock hold lasts; the cart renews it while the shopper is active",
  ),
  CART_HOLD_KEEPALIVE_MS: int(
    3_600_000,
    1,
    30 * 86_400_000,
    'A cart untouched for this long stops renewing its hold (and holds again on the next change)',
  ),
  CART_IDLE_TIMEOUT_MS: int(
    30 * 86_400_000,
    1,
    365 * 86_400_000,
    'A cart without any change for this long is abandoned and its hold released',
  ),
  CART_CONTINUE_AS_NEW_AFTER: int(
    100,
    1,
    10_000,
    'A cart workflow continues as new after this many handled updates',
  ),
  CART_ESTIMATED_TAX_BPS: int(
    0,
    0,
    10_000,
    "The tax rate (basis points) of the cart's estimate before an address is known",
  ),
  CHECKOUT_TIMEOUT_MS: int(
    3_600_000,
    1,
    30 * 86_400_000,
    'A checkout without a step change for this long expires and releases the hold',
  ),
  CHECKOUT_HOLD_MARGIN_SECONDS: int(
    300,
    0,
    86_400,
    "A checkout renews the cart's hold for its remaining lifetime plus this margin",
  ),
});

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** The keys that select the stores: parsed on their own so their problems are listed with the rest. */
const StoreSelectionSchema = Type.Object({
  ...WriteStoreSettingsSchema.properties,
  ...SearchSettingsSchema.properties,
  CASSANDRA_KEYSPACE_GATEWAY: GatewayEnvSchema.properties.CASSANDRA_KEYSPACE_GATEWAY,
});

/** Parses the environment once (failing with every problem listed) into the gateway's settings. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const e = attempt(() => parseEnv(GatewayEnvSchema, env));
  // A bad selection value is already listed by the full parse above.
  const selection = e ?? attempt(() => parseEnv(StoreSelectionSchema, env));
  const search = selection && attempt(() => searchSettings(selection));
  const store =
    selection && attempt(() => writeStoreSettings(selection, selection.CASSANDRA_KEYSPACE_GATEWAY));
  if (!e || !search || !store) throw new ConfigError([...new Set(problems)]);

  const origins = e.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  const orders: OrderSagaSettings = {
    approvalThreshold: e.ORDER_APPROVAL_THRESHOLD,
    approvalWindowMs: e.ORDER_APPROVAL_WINDOW_MS,
    holdTtlSeconds: e.ORDER_HOLD_TTL_SECONDS,
    returnWindowMs: e.ORDER_RETURN_WINDOW_MS,
    fulfillmentMode: e.MANUAL_FULFILLMENT ? 'manual' : 'auto',
    simulatedStageMs: e.FULFILLMENT_STAGE_MS,
    dropshipPollMs: e.DROPSHIP_POLL_MS,
  };
  const cart: CartSettings = {
    holdTtlSeconds: e.CART_HOLD_TTL_SECONDS,
    holdKeepAliveMs: e.CART_HOLD_KEEPALIVE_MS,
    idleTimeoutMs: e.CART_IDLE_TIMEOUT_MS,
    continueAsNewAfterUpdates: e.CART_CONTINUE_AS_NEW_AFTER,
    // The contract's default: retries of the last 500 updates are recognized across runs.
    rememberedUpdateIds: 500,
    estimatedTaxRateBps: e.CART_ESTIMATED_TAX_BPS,
    checkout: {
      timeoutMs: e.CHECKOUT_TIMEOUT_MS,
      holdMarginSeconds: e.CHECKOUT_HOLD_MARGIN_SECONDS,
      order: orders,
    },
  };
  return {
    host: e.HOST,
    port: e.PORT,
    sqlitePath: e.SQLITE_PATH,
    /** Where the idempotency records live. */
    store,
    /** Where the read models (catalog, orders) live. */
    search,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL === undefined ? undefined : trimSlash(e.PUBLIC_URL),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    corsOrigins: origins.length === 0 || origins.includes('*') ? ('*' as const) : origins,
    adminBootstrapToken: e.ADMIN_BOOTSTRAP_TOKEN,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      uiUrl: trimSlash(e.TEMPORAL_UI_URL),
      workflowResultTimeoutMs: e.WORKFLOW_RESULT_TIMEOUT_MS,
    },
    orders,
    /** Every cart's settings (and, in `checkout`, its checkouts' and their orders'). */
    cart,
  };
}

export type GatewayConfig = ReturnType<typeof loadConfig>;
export type { SearchSettings, WriteStoreSettings };
