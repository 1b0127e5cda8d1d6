import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataDir {
  path: string;
  /** True when we made a throwaway folder (removed again on stop). */
  temporary: boolean;
  /** Removes a throwaway folder; keeps a given one. */
  release: () => void;
}

/** The given data folder (created if missing), or a new throwaway one under the OS temp folder. */
export function prepareDataDir(given: string | undefined, prefix: string): DataDir {
  if (given !== undefined) {
    const path = resolve(given);
    mkdirSync(path, { recursive: true });
    return { path, temporary: false, release: () => undefined };
  }
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    path,
    temporary: true,
    release: () => rmSync(path, { recursive: true, force: true, maxRetries: 3 }),
  };
}
