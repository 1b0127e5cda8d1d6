import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A domain worker app of the monorepo: `apps/<name>` with a `src/worker.ts`. */
export interface WorkerApp {
  /** The folder name, e.g. `inventory` (the task queue and the compose service `<name>-worker`). */
  name: string;
  /** Absolute path of `apps/<name>`. */
  dir: string;
  /** The package name from its package.json, e.g. `@commerce/inventory`. */
  packageName: string;
  /** Absolute path of the built process entry, `apps/<name>/dist/main.js`. */
  main: string;
}

/**
 * THE list of domain worker apps, discovered rather than written down: every `apps/*` folder
 * with a `src/worker.ts` and a package.json, sorted by name. dev-stack starts each of them, the
 * compose test expects a `<name>-worker` service for each; adding a domain needs no list edit.
 */
export function findWorkerApps(root: string): WorkerApp[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(appsDir, entry.name))
    .filter(
      (dir) => existsSync(join(dir, 'src', 'worker.ts')) && existsSync(join(dir, 'package.json')),
    )
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
      };
      const name = dir.slice(appsDir.length + 1);
      if (typeof manifest.name !== 'string')
        throw new Error(`apps/${name}/package.json has no name`);
      return { name, dir, packageName: manifest.name, main: join(dir, 'dist', 'main.js') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
