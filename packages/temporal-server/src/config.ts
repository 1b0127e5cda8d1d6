import { findWorkspaceRoot } from '@commerce/process-kit';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where this package looks for and installs the Temporal binaries. */
export interface TemporalServerSettings {
  /** TEMPORAL_CLI_PATH: an explicit `temporal` executable; it wins over every other source. */
  cliPath: string | undefined;
  /** TEMPORAL_TEST_SERVER_PATH: an explicit `temporal-test-server` executable. */
  testServerPath: string | undefined;
  /** COMMERCE_CACHE_DIR, else `<workspace root>/.cache`: the project's install folder. */
  cacheDir: string;
  /** The directories of PATH, searched after the explicit setting. */
  searchPath: string[];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/** The default cache folder: `.cache` at the workspace root found from this module, else from the cwd. */
export function defaultCacheDir(): string {
  const root =
    findWorkspaceRoot(dirname(fileURLToPath(import.meta.url))) ??
    findWorkspaceRoot(process.cwd()) ??
    process.cwd();
  return join(root, '.cache');
}

/**
 * The only reader of the environment in this package. Call it once and pass the result on;
 * `env` is a parameter so callers (and tests) can hand in their own map.
 */
export function readTemporalServerSettings(
  env: Record<string, string | undefined> = process.env,
): TemporalServerSettings {
  const cliPath = nonEmpty(env.TEMPORAL_CLI_PATH);
  const testServerPath = nonEmpty(env.TEMPORAL_TEST_SERVER_PATH);
  const cacheDir = nonEmpty(env.COMMERCE_CACHE_DIR);
  return {
    cliPath: cliPath === undefined ? undefined : absolute(cliPath),
    testServerPath: testServerPath === undefined ? undefined : absolute(testServerPath),
    cacheDir: cacheDir === undefined ? defaultCacheDir() : absolute(cacheDir),
    searchPath: (env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''),
  };
}
