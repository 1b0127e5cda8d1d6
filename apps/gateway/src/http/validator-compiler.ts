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
 * reported (bodies are size-limited, so `allErrors` is affordable); defaults are applied; string
 * lengths are counted in UTF-16 code units like the workers count them.
 */
/** Ajv's own warnings and errors (schema problems at start-up) go to stderr, as with its default console logger. */
const stderr = (level: string, args: unknown[]): void => {
  process.stderr.write(`ajv ${level}: ${args.map(String).join(' ')}\n`);
};

const BASE_OPTIONS = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  // `minLength` / `maxLength` count UTF-16 code units (`string.length`), as the workers' TypeBox
  // checks (`Value.Check`) of the same contract schemas do. Ajv's default counts code points, so a
  // 300-emoji `reason` (600 code units) passed here with `maxLength: 500` and failed in the worker
  // after its workflow had started.
  // (Ajv 8 calls the option deprecated but honours it; the test in test/reason-length.test.ts fails
  // if it ever stops doing so. Its start-up warning about it is dropped, nothing else.)
  unicode: false,
  logger: {
    log: () => undefined,
    warn: (...args: unknown[]) => {
      if (!String(args[0]).startsWith('DEPRECATED: option unicode')) stderr('warn', args);
    },
    error: (...args: unknown[]) => stderr('error', args),
  },
} as const;

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
