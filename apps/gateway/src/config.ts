import { Type, type Static } from '@sinclair/typebox';
import { ConfigError, parseEnv } from '@commerce/config';

/** Every environment variable the gateway reads. This file is the only reader of `process.env`. */
export const GatewayEnvSchema = Type.Object({
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  SQLITE_PATH: Type.String({ minLength: 1, default: '.data/commerce.db' }),
  /** The catalog read model: default sqlite, or elasticsearch when ELASTICSEARCH_URL is set. */
  SEARCH: Type.Optional(Type.Union([Type.Literal('sqlite'), Type.Literal('elasticsearch')])),
  ELASTICSEARCH_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** Prepended to the read model's index names (one cluster, several environments). */
  /** Install the Elasticsearch index templates at start; deployments set false (the migrations job does). */
  SCHEMA_SETUP: Type.Boolean({ default: true }),
  ELASTICSEARCH_INDEX_PREFIX: Type.String({ pattern: '^([a-z0-9][a-z0-9_.-]*)?$', default: '' }),
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
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) =>
      Type.Literal(level),
    ),
    { default: 'info' },
  ),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** How long a mutating request waits for its workflow's result before answering 504. */
  WORKFLOW_RESULT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 30_000 }),
});

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** Where the catalog read model lives. */
export type SearchSettings =
  | { engine: 'sqlite' }
  | { engine: 'elasticsearch'; url: string; indexPrefix: string; installIndices: boolean };

const searchProblems = (env: Record<string, string | undefined>): string[] =>
  env.SEARCH === 'elasticsearch' && !env.ELASTICSEARCH_URL
    ? ['ELASTICSEARCH_URL: required when SEARCH=elasticsearch']
    : [];

/** Parses the environment once (failing with every problem listed) into the gateway's settings. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const crossProblems = searchProblems(env);
  let e: Static<typeof GatewayEnvSchema>;
  try {
    e = parseEnv(GatewayEnvSchema, env);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError([...err.problems, ...crossProblems]);
    throw err;
  }
  if (crossProblems.length > 0) throw new ConfigError(crossProblems);
  const url = e.ELASTICSEARCH_URL === undefined ? undefined : trimSlash(e.ELASTICSEARCH_URL);
  // SEARCH=elasticsearch without a URL was refused above.
  const search: SearchSettings =
    url !== undefined && (e.SEARCH ?? 'elasticsearch') === 'elasticsearch'
      ? { engine: 'elasticsearch', url, indexPrefix: e.ELASTICSEARCH_INDEX_PREFIX, installIndices: e.SCHEMA_SETUP }
      : { engine: 'sqlite' };
  const origins = e.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  return {
    host: e.HOST,
    port: e.PORT,
    sqlitePath: e.SQLITE_PATH,
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
  };
}

export type GatewayConfig = ReturnType<typeof loadConfig>;
