import { Type, type Static } from '@sinclair/typebox';

/**
 * The Temporal connection settings every app reads from its environment (the SDK's variable
 * names). Apps spread them into their own config schema and parse with `parseEnv`, e.g.
 * `Type.Object({ ...TemporalSettingsSchema.properties, SQLITE_PATH: ... })`.
 */
export const TemporalSettingsSchema = Type.Object({
  TEMPORAL_ADDRESS: Type.String({
    default: '127.0.0.1:7233',
    pattern: '^[^\\s/:]+:[0-9]{1,5}$',
    description: 'Temporal frontend gRPC address as host:port',
  }),
  TEMPORAL_NAMESPACE: Type.String({
    default: 'default',
    minLength: 1,
    pattern: '^\\S+$',
    description: 'Temporal namespace',
  }),
});

export type TemporalSettings = Static<typeof TemporalSettingsSchema>;
