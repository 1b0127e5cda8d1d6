import { type Static, type TObject } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses an environment (a flat string map) against a TypeBox object schema whose keys are the
 * variable names. Defaults are applied, numbers and booleans converted, unknown variables ignored;
 * every problem is reported at once.
 */
export function parseEnv<S extends TObject>(
  schema: S,
  env: Record<string, string | undefined>,
): Static<S> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') picked[key] = raw;
  }
  const value = Value.Convert(schema, Value.Default(schema, picked));
  const problems = [...Value.Errors(schema, value)].map((e) => {
    const name = e.path.replace(/^\//, '') || '(root)';
    return `${name}: ${e.message}${env[name] !== undefined ? ` (got ${JSON.stringify(env[name])})` : ''}`;
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return value as Static<S>;
}
