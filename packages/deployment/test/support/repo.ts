import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/deployment/test/support/repo.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}

export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: {
    name: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
  };
}

/** Every package of apps/* and packages/* by name. */
export function workspacePackages(): Map<string, WorkspacePackage> {
  const found = new Map<string, WorkspacePackage>();
  for (const group of ['apps', 'packages']) {
    for (const entry of readdirSync(repoPath(group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = repoPath(group, entry.name);
      let manifest: WorkspacePackage['manifest'];
      try {
        manifest = JSON.parse(
          readFileSync(join(dir, 'package.json'), 'utf8'),
        ) as WorkspacePackage['manifest'];
      } catch {
        continue;
      }
      found.set(manifest.name, { name: manifest.name, dir, manifest });
    }
  }
  return found;
}
