import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify';

type BuildValidator = NonNullable<
  NonNullable<
    NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
  >['buildValidator']
>;
type RouteValidatorCompiler = FastifySchemaCompiler<unknown>;
/** What `AjvCompiler()` returns at runtime (its published types describe the JTD variant too). */
type ValidatorPool = (
  externalSchemas: unknown,
  options: { customOptions: Record<string, unknown>; plugins: unknown[] },
) => RouteValidatorCompiler;

/**
 * Ajv settings of the gateway. Unknown fields and parameters are rejected, never silently dropped
 * (`removeAdditional: false` + `additionalProperties: false` in the schemas); every error is
 * reported (bodies are size-limited, so `allErrors` is affordable); defaults are applied.
 */
const BASE_OPTIONS = { removeAdditional: false, useDefaults: true, allErrors: true } as const;

/**
 * Two Ajv instances: query strings, path parameters and headers arrive as strings and are coerced
 * (`coerceTypes: 'array'`, so a single `?color=red` becomes `['red']`); JSON bodies are typed
 * already and are NOT coerced (`"onHand": "5"` or `true` is a validation error, not 5 or 1).
 */
export function createValidatorFactory(): BuildValidator {
  const pool = AjvCompiler() as unknown as ValidatorPool;
  const build = (
    externalSchemas: unknown,
    serverOptions?: { plugins?: unknown[] },
  ): RouteValidatorCompiler => {
    const plugins = serverOptions?.plugins ?? [];
    const strict = pool(externalSchemas, {
      customOptions: { ...BASE_OPTIONS, coerceTypes: false },
      plugins,
    });
    const coercing = pool(externalSchemas, {
      customOptions: { ...BASE_OPTIONS, coerceTypes: 'array' },
      plugins,
    });
    return (route: Parameters<RouteValidatorCompiler>[0]) =>
      route.httpPart === 'body' ? strict(route) : coercing(route);
  };
  return build as unknown as BuildValidator;
}
