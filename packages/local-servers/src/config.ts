import { findWorkspaceRoot } from '@commerce/process-kit';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the launchers live, where they install to and which Java they run. */
export interface LocalServersSettings {
  /** The monorepo root (holds `infra/`, `.cache/`, `.data/`). */
  workspaceRoot: string;
  /** `<workspaceRoot>/infra`: the launcher scripts. */
  infraDir: string;
  /** COMMERCE_CACHE_DIR, else `<workspaceRoot>/.cache` (jars and compiled launcher go below it). */
  cacheDir: string;
  /** JAVA_HOME, when set: its `bin/java` wins over PATH. */
  javaHome: string | undefined;
  /** The directories of PATH, searched for `java` when JAVA_HOME is not set. */
  searchPath: string[];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function workspaceRootOrThrow(): string {
  const root =
    findWorkspaceRoot(dirname(fileURLToPath(import.meta.url))) ?? findWorkspaceRoot(process.cwd());
  if (root === undefined) {
    throw new Error(
      'cannot find the monorepo root (no pnpm-workspace.yaml above this package or the current directory)',
    );
  }
  return root;
}

/**
 * The only reader of the environment in this package. Call it once and pass the result on;
 * `env` is a parameter so callers and tests can hand in their own map.
 */
export function readLocalServersSettings(
  env: Record<string, string | undefined> = process.env,
): LocalServersSettings {
  const workspaceRoot = workspaceRootOrThrow();
  const cacheDir = nonEmpty(env.COMMERCE_CACHE_DIR);
  const javaHome = nonEmpty(env.JAVA_HOME);
  return {
    workspaceRoot,
    infraDir: join(workspaceRoot, 'infra'),
    cacheDir:
      cacheDir === undefined
        ? join(workspaceRoot, '.cache')
        : isAbsolute(cacheDir)
          ? cacheDir
          : resolve(process.cwd(), cacheDir),
    javaHome: javaHome === undefined ? undefined : resolve(javaHome),
    searchPath: (env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''),
  };
}

/**
 * The environment for the launcher scripts: this process's environment plus the chosen Java
 * (`JAVA`, and its `bin/` first on PATH for `javac`), and the cache folder the Node side uses.
 */
export function launcherEnvironment(
  settings: LocalServersSettings,
  java: { executable: string; home: string },
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JAVA: java.executable,
    JAVA_HOME: java.home,
    PATH: [join(java.home, 'bin'), ...settings.searchPath].join(delimiter),
    COMMERCE_CACHE_DIR: settings.cacheDir,
    ...extra,
  };
}
