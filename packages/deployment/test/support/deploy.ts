import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './processes.js';
import { REPO_ROOT, workspacePackages } from './repo.js';

/**
 * `pnpm --filter <name> deploy --legacy --prod <dir>`: the command the Dockerfile runs. pnpm 10
 * refuses a plain deploy from a workspace without inject-workspace-packages; --legacy copies the
 * package (with its built dist/) and installs its production dependencies from the store.
 */
export async function pnpmDeploy(
  name: string,
  outDir: string,
): Promise<{ durationMs: number; output: string }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const result = await runToEnd(
    'pnpm',
    ['--filter', name, 'deploy', '--legacy', '--prod', outDir],
    {
      cwd: REPO_ROOT,
      env,
      timeoutMs: 240_000,
    },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.code !== 0)
    throw new Error(`pnpm deploy of ${name} failed (${result.code}):\n${output}`);
  return { durationMs: result.durationMs, output };
}

/** Bytes under `dir`, symlinks counted as links (not followed). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else total += lstatSync(path).size;
  }
  return total;
}

export interface DeployedPackage {
  name: string;
  version: string;
  dir: string;
  dependsOn: string[];
}

/** Every package in the deploy's virtual store (node_modules/.pnpm/<id>/node_modules/<name>). */
export function deployedPackages(deployDir: string): DeployedPackage[] {
  const store = join(deployDir, 'node_modules', '.pnpm');
  const found: DeployedPackage[] = [];
  for (const id of readdirSync(store)) {
    if (id === 'node_modules' || id === 'lock.yaml') continue;
    const modules = join(store, id, 'node_modules');
    if (!existsSync(modules)) continue;
    // The package itself is the entry that is a real folder (its dependencies are symlinks).
    for (const entry of readdirSync(modules)) {
      const candidates = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry];
      for (const candidate of candidates) {
        const dir = join(modules, candidate);
        if (lstatSync(dir).isSymbolicLink()) continue;
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name: string;
          version: string;
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
          peerDependencies?: Record<string, string>;
        };
        found.push({
          name: manifest.name,
          version: manifest.version,
          dir,
          dependsOn: [
            ...Object.keys(manifest.dependencies ?? {}),
            ...Object.keys(manifest.optionalDependencies ?? {}),
            ...Object.keys(manifest.peerDependencies ?? {}),
          ],
        });
      }
    }
  }
  return found;
}

/** The top-level entries of node_modules (the package's direct dependencies). */
export function directDependencies(deployDir: string): string[] {
  const modules = join(deployDir, 'node_modules');
  return readdirSync(modules)
    .filter((entry) => !entry.startsWith('.'))
    .flatMap((entry) =>
      entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry],
    )
    .sort();
}

/** The workspace packages `name` depends on in production, transitively (workspace:* deps). */
export function workspaceProductionClosure(name: string): string[] {
  const packages = workspacePackages();
  const seen = new Set<string>();
  const visit = (current: string) => {
    const pkg = packages.get(current);
    if (pkg === undefined) throw new Error(`no workspace package ${current}`);
    for (const [dep, spec] of Object.entries(pkg.manifest.dependencies ?? {})) {
      if (spec.startsWith('workspace:') && !seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
    }
  };
  visit(name);
  return [...seen].sort();
}

/** Tools that must never be in a production folder. */
export const DEV_ONLY = [
  'vitest',
  'typescript',
  'tsx',
  'eslint',
  'prettier',
  'turbo',
  '@commerce/test-kit',
  '@temporalio/testing',
] as const;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
