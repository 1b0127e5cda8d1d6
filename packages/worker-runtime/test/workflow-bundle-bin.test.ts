import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageDir, 'src', 'cli', 'workflow-bundle.ts');
// Inside the package, so the workflows resolve @temporalio/workflow as an app's would.
const temp = mkdtempSync(join(packageDir, 'test', '.tmp-bundle-bin-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** An app folder after `tsc`: dist/workflows/index.js with the given code. */
function builtApp(name: string, workflowsCode: string): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'dist', 'workflows'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'workflows', 'index.js'), workflowsCode);
  return dir;
}

function runBin(cwd: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('the commerce-workflow-bundle bin', () => {
  it('is declared by the package and its committed stub loads the compiled CLI', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const stub = join(packageDir, manifest.bin['commerce-workflow-bundle'] ?? 'missing');
    // pnpm links a bin only if its file exists at install time: the stub is in git, dist is not.
    expect(existsSync(stub)).toBe(true);
    expect(readFileSync(stub, 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n[\s\S]*import\('\.\.\/dist\/cli\/workflow-bundle\.js'\)/,
    );
  });

  it('bundles dist/workflows/index.js of the current folder into dist/workflow-bundle.js and prints its size', () => {
    const app = builtApp(
      'good',
      "import { sleep } from '@temporalio/workflow';\nexport async function pingWorkflow() { await sleep(1); return 'pong'; }\n",
    );
    const run = runBin(app);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/workflow bundle: dist\/workflow-bundle\.js \(\d+ KiB\)/);
    expect(readFileSync(join(app, 'dist', 'workflow-bundle.js'), 'utf8')).toContain('pingWorkflow');
  });

  it('fails the build (exit code 1) on a workflow that imports a Node built-in, writing nothing', () => {
    const app = builtApp(
      'bad',
      "import { readFileSync } from 'node:fs';\nexport async function readWorkflow() { return readFileSync('/etc/hostname', 'utf8'); }\n",
    );
    const run = runBin(app);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/workflow bundle of .*index\.js failed/);
    expect(existsSync(join(app, 'dist', 'workflow-bundle.js'))).toBe(false);
  });
});
