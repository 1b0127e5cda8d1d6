import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  deployedPackages,
  DEV_ONLY,
  directDependencies,
  workspaceProductionClosure,
} from './deploy.js';

/**
 * The deploy folder holds exactly `name`'s production dependency tree:
 * - its direct dependencies are exactly the `dependencies` of its package.json;
 * - the workspace packages in it are exactly its transitive `workspace:*` production closure,
 *   each with its built dist/;
 * - every other package in it is required by the app or by another package in it (nothing is
 *   there only because something needs it for development), and no dev tool is there.
 */
export function expectProductionOnly(deployDir: string, name: string): { packages: number } {
  const manifest = JSON.parse(readFileSync(join(deployDir, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
  };
  expect(manifest.name).toBe(name);
  const prod = Object.keys(manifest.dependencies ?? {}).sort();
  expect(directDependencies(deployDir)).toEqual(prod);

  const packages = deployedPackages(deployDir);
  const names = new Set(packages.map((p) => p.name));
  const workspace = packages.filter((p) => p.name.startsWith('@commerce/'));
  expect(workspace.map((p) => p.name).sort()).toEqual(workspaceProductionClosure(name));
  for (const pkg of workspace) {
    const pkgManifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
      exports?: Record<string, { default?: string }>;
    };
    for (const [subpath, target] of Object.entries(pkgManifest.exports ?? {})) {
      if (target.default === undefined) continue;
      expect([pkg.name, subpath, existsSync(join(pkg.dir, target.default))]).toEqual([
        pkg.name,
        subpath,
        true,
      ]);
    }
  }

  const required = new Set([...prod, ...packages.flatMap((p) => p.dependsOn)]);
  const orphans = packages
    .filter((p) => !required.has(p.name))
    .map((p) => `${p.name}@${p.version}`);
  expect(orphans).toEqual([]);
  expect(DEV_ONLY.filter((tool) => names.has(tool))).toEqual([]);
  return { packages: packages.length };
}
