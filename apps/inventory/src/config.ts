import { Type, type Static } from '@sinclair/typebox';
import { parseEnv } from '@commerce/config';
import type { InventoryProjectorSettings } from '@commerce/contracts/inventory';
import { TemporalSettingsSchema } from '@commerce/worker-runtime';

const int = (defaultValue: number, minimum: number, maximum: number) => Type.Integer({ default: defaultValue, minimum, maximum });

export const InventoryConfigSchema = Type.Object({
  ...TemporalSettingsSchema.properties,
  SQLITE_PATH: Type.String({ default: '.data/commerce.db', minLength: 1 }),
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
