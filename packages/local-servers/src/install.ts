import { join } from 'node:path';
import {
  launcherEnvironment,
  readLocalServersSettings,
  type LocalServersSettings,
} from './config.js';
import { withInstallLock } from './install-lock.js';
import { requireJava } from './java.js';
import { runScript } from './run-script.js';

export type ServerKind = 'cassandra' | 'elasticsearch';

export interface EnsureInstalledOptions {
  settings?: LocalServersSettings;
  /** How long to wait for another process's install of the same server (default 20 min). */
  lockTimeoutMs?: number;
}

export interface InstallResult {
  /** What infra/<server>/install.sh printed (says "present" / "up to date" when nothing was done). */
  output: string;
  /** Time spent, waiting for the lock included. */
  durationMs: number;
}

/** The cross-process lock (a file) guarding one server's install in one cache folder. */
export function installLockDir(settings: LocalServersSettings, kind: ServerKind): string {
  return join(settings.cacheDir, `${kind}.install.lock`);
}

async function ensureInstalled(
  kind: ServerKind,
  options: EnsureInstalledOptions,
): Promise<InstallResult> {
  const settings = options.settings ?? readLocalServersSettings();
  const started = Date.now();
  const java = await requireJava(settings);
  const script = join(settings.infraDir, kind, 'install.sh');
  // install.sh is idempotent on its own (version marker, source digest); the lock makes parallel
  // callers (one test process per package) wait for a single Maven run instead of racing it.
  const { output } = await withInstallLock(
    installLockDir(settings, kind),
    () => runScript(script, [], launcherEnvironment(settings, java)),
    options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs },
  );
  return { output, durationMs: Date.now() - started };
}

/** Runs infra/elasticsearch/install.sh (jars from Maven Central + the compiled launcher) once. */
export function ensureElasticsearchInstalled(
  options: EnsureInstalledOptions = {},
): Promise<InstallResult> {
  return ensureInstalled('elasticsearch', options);
}

/** Runs infra/cassandra/install.sh (cassandra-all jars from Maven Central) once. */
export function ensureCassandraInstalled(
  options: EnsureInstalledOptions = {},
): Promise<InstallResult> {
  return ensureInstalled('cassandra', options);
}
