import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { parseEnv } from '@commerce/config';
import { findWorkspaceRoot } from '@commerce/process-kit';

const EnvSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  TEMPORAL_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 7233 }),
  TEMPORAL_UI_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8233 }),
  /** Use an already running Temporal frontend instead of starting the dev server. */
  TEMPORAL_ADDRESS: Type.Optional(Type.String({ minLength: 3 })),
  TEMPORAL_NAMESPACE: Type.String({ default: 'default' }),
  DATA_DIR: Type.String({ default: '.data' }),
  SEED: Type.Integer({ minimum: 0, default: 20_260_101 }),
  SEED_SCALE: Type.Number({ exclusiveMinimum: 0, maximum: 100, default: 1 }),
  LOG_LEVEL: Type.String({ default: 'info' }),
});

export interface DevStackConfig {
  host: string;
  port: number;
  temporalPort: number;
  temporalUiPort: number;
  externalTemporalAddress: string | undefined;
  namespace: string;
  root: string;
  dataDir: string;
  seed: number;
  seedScale: number;
  logLevel: string;
  /** The environment the stack was started with; children inherit it (PATH, HOME, …). */
  inheritedEnv: Record<string, string | undefined>;
}

export function loadDevStackConfig(env: Record<string, string | undefined> = process.env): DevStackConfig {
  const e: Static<typeof EnvSchema> = parseEnv(EnvSchema, env);
  const root = findWorkspaceRoot(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new Error('dev-stack must run from inside the Durable Commerce workspace');
  return {
    host: e.HOST,
    port: e.PORT,
    temporalPort: e.TEMPORAL_PORT,
    temporalUiPort: e.TEMPORAL_UI_PORT,
    externalTemporalAddress: e.TEMPORAL_ADDRESS,
    namespace: e.TEMPORAL_NAMESPACE,
    root,
    dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(join(root, e.DATA_DIR)),
    seed: e.SEED,
    seedScale: e.SEED_SCALE,
    logLevel: e.LOG_LEVEL,
    inheritedEnv: { ...process.env, ...env },
  };
}
