import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findWorkerApps } from './worker-apps.js';
import { findWorkspaceRoot } from './workspace-root.js';

const temp = mkdtempSync(join(tmpdir(), 'commerce-worker-apps-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function app(name: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(temp, 'apps', name, path, '..'), { recursive: true });
    writeFileSync(join(temp, 'apps', name, path), text);
  }
}

describe('findWorkerApps', () => {
  it('lists every apps/* folder with a src/worker.ts, sorted, with its package name and dist entry', () => {
    app('shipping', { 'package.json': '{"name":"@acme/shipping"}', 'src/worker.ts': '' });
    app('billing', { 'package.json': '{"name":"@acme/billing"}', 'src/worker.ts': '' });
    app('gateway', { 'package.json': '{"name":"@acme/gateway"}', 'src/main.ts': '' });
    app('half-made', { 'src/worker.ts': '' });
    expect(findWorkerApps(temp)).toEqual([
      {
        name: 'billing',
        dir: join(temp, 'apps', 'billing'),
        packageName: '@acme/billing',
        main: join(temp, 'apps', 'billing', 'dist', 'main.js'),
      },
      {
        name: 'shipping',
        dir: join(temp, 'apps', 'shipping'),
        packageName: '@acme/shipping',
        main: join(temp, 'apps', 'shipping', 'dist', 'main.js'),
      },
    ]);
  });

  it('finds inventory (and not the gateway) in this monorepo', () => {
    const apps = findWorkerApps(findWorkspaceRoot(import.meta.dirname) ?? '');
    expect(apps.map((a) => a.name)).toContain('inventory');
    expect(apps.map((a) => a.name)).not.toContain('gateway');
    expect(apps.find((a) => a.name === 'inventory')?.packageName).toBe('@commerce/inventory');
  });

  it('returns nothing where there is no apps folder', () => {
    expect(findWorkerApps(join(temp, 'nowhere'))).toEqual([]);
  });
});
