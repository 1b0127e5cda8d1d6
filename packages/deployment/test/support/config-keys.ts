import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repoPath } from './repo.js';

/** An environment variable an app's config knows; `required` = no default and not optional. */
export interface EnvKey {
  name: string;
  required: boolean;
}

interface ObjectSchema {
  type: 'object';
  properties: Record<string, { default?: unknown }>;
  required?: string[];
}

function isObjectSchema(value: unknown): value is ObjectSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'object' &&
    typeof (value as { properties?: unknown }).properties === 'object'
  );
}

/**
 * The environment variables an app's config knows, read from the schema its built
 * `dist/config.js` exports (every exported `...Schema` object: `InventoryConfigSchema`,
 * `GatewayEnvSchema`, ...) — the schema is the source of truth, no source scanning. The apps are
 * built before this test (the root `test` script builds ./apps/*).
 */
export async function configEnvKeys(app: string): Promise<Map<string, EnvKey>> {
  const file = repoPath('apps', app, 'dist', 'config.js');
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: build the app first (pnpm turbo run build --filter=./apps/*)`,
    );
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const schemas = Object.entries(module)
    // The environment schemas only (`<App>ConfigSchema`, the gateway's `GatewayEnvSchema`); an app
    // may export other schemas from config.ts (e.g. the JSON inside one variable).
    .filter(([name, value]) => /(Config|Env)Schema$/.test(name) && isObjectSchema(value))
    .map(([, value]) => value as ObjectSchema);
  if (schemas.length === 0)
    throw new Error(`apps/${app}/src/config.ts exports no config schema (…ConfigSchema)`);
  const keys = new Map<string, EnvKey>();
  for (const schema of schemas) {
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties)) {
      const key = { name, required: required.has(name) && property.default === undefined };
      const known = keys.get(name);
      keys.set(
        name,
        known === undefined ? key : { name, required: known.required && key.required },
      );
    }
  }
  return keys;
}
