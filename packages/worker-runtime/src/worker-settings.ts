import { Type, type Static } from '@sinclair/typebox';
import { LogLevelSettingsSchema, TemporalSettingsSchema } from '@commerce/config';

/**
 * What every worker process reads besides its own settings: the Temporal connection, the log
 * level and an optional prebuilt workflow bundle. Spread into an app's config schema:
 * `Type.Object({ ...WorkerSettingsSchema.properties, ...WriteStoreSettingsSchema.properties, ... })`.
 */
export const WorkerSettingsSchema = Type.Object({
  ...TemporalSettingsSchema.properties,
  ...LogLevelSettingsSchema.properties,
  /**
   * A prebuilt workflow bundle, required to exist when set (deployments). Unset: the bundle the
   * build wrote beside main.js (dist/workflow-bundle.js), else the workflows are bundled at start.
   */
  WORKFLOW_BUNDLE: Type.Optional(
    Type.String({ minLength: 1, description: 'Path of a prebuilt workflow bundle' }),
  ),
});

export type WorkerSettings = Static<typeof WorkerSettingsSchema>;
