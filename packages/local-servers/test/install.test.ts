import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocalServersSettings } from '../src/config.js';
import {
  ensureCassandraInstalled,
  ensureElasticsearchInstalled,
  installLockDir,
} from '../src/install.js';
import { javaSkipReason, makeTempDir, seconds } from './helpers.js';

const skipReason = await javaSkipReason();

function runFixture(
  name: string,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const script = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, output }));
  });
}

describe.skipIf(skipReason !== undefined)('ensure*Installed (real launchers)', () => {
  const temp = makeTempDir('cache');
  afterAll(() => temp.remove());

  it('is idempotent on the project cache: a second call does nothing and keeps the install', async () => {
    const settings = readLocalServersSettings();
    await ensureElasticsearchInstalled({ settings });
    await ensureCassandraInstalled({ settings });
    const esLib = join(settings.cacheDir, 'elasticsearch', 'lib');
    const cassandraLib = join(settings.cacheDir, 'cassandra', 'lib');
    const before = [esLib, cassandraLib].map((lib) => statSync(lib).mtimeMs);
    const es = await ensureElasticsearchInstalled({ settings });
    const cassandra = await ensureCassandraInstalled({ settings });
    console.log(
      `[local-servers] installed no-op: elasticsearch ${seconds(es.durationMs)}, cassandra ${seconds(cassandra.durationMs)}`,
    );
    expect(es.output).toMatch(/jars: present/);
    expect(es.output).toMatch(/launcher classes: up to date/);
    expect(cassandra.output).toMatch(/jars: present/);
    expect([esLib, cassandraLib].map((lib) => statSync(lib).mtimeMs)).toEqual(before);
    expect(readdirSync(cassandraLib).some((f) => /^jamm-.*\.jar$/.test(f))).toBe(true);
    expect(existsSync(installLockDir(settings, 'elasticsearch'))).toBe(false);
  });

  it('installs once when two processes ask at the same time (fresh cache folder)', async () => {
    const cacheDir = join(temp.dir, 'cache');
    const started = Date.now();
    const runs = await Promise.all([1, 2].map(() => runFixture('ensure-installed.ts', [cacheDir])));
    console.log(
      `[local-servers] cold Elasticsearch install raced by 2 processes: ${seconds(Date.now() - started)}`,
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    const outputs = runs.map((run) => run.output);
    expect(outputs.filter((o) => o.includes('resolving from Maven Central'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('jars: present'))).toHaveLength(1);
    expect(
      readdirSync(join(cacheDir, 'elasticsearch', 'lib')).filter((f) => f.endsWith('.jar')).length,
    ).toBeGreaterThan(40);
    expect(existsSync(join(cacheDir, 'elasticsearch', 'classes', '.sources-sha256'))).toBe(true);
  });
});
