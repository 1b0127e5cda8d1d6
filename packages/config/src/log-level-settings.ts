import { Type, type Static } from '@sinclair/typebox';

/** pino's levels, `silent` included. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL of a process's root logger (default `info`). */
export const LogLevelSettingsSchema = Type.Object({
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    { default: 'info', description: 'Root logger level' },
  ),
});

export type LogLevelSettings = Static<typeof LogLevelSettingsSchema>;
