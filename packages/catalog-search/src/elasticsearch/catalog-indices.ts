import {
  dropIndexTemplates,
  installIndexTemplates,
  type InstalledIndex,
} from '@commerce/elasticsearch-store';
import type { Client } from '@elastic/elasticsearch';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The read model's indices (each defined by `infra/elasticsearch/indices/<name>.json`). */
export interface CatalogIndexNames {
  products: string;
  collections: string;
  stockLevels: string;
}

/** The index names under `prefix` (the same prefix given to installCatalogReadModelIndices). */
export function catalogIndexNames(prefix = ''): CatalogIndexNames {
  return {
    products: `${prefix}products`,
    collections: `${prefix}collections`,
    stockLevels: `${prefix}stock-levels`,
  };
}

/** Where the index files live relative to the workspace root. */
const INDICES_DIR = join('infra', 'elasticsearch', 'indices');

/**
 * `<workspace root>/infra/elasticsearch/indices`, the workspace root being the nearest folder
 * above this module holding `pnpm-workspace.yaml`. Throws when there is none (e.g. a deployed
 * folder): pass `dir` to the installer there.
 */
export function catalogIndicesDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, INDICES_DIR);
    if (dirname(dir) === dir) {
      throw new Error(
        `no pnpm-workspace.yaml above ${from}: pass the folder of the index files (${INDICES_DIR}) as \`dir\``,
      );
    }
  }
}

export interface CatalogIndicesOptions {
  /** Prepended to every index and template name (tests); default none. */
  prefix?: string;
  /** The index files; default {@link catalogIndicesDir}. */
  dir?: string;
}

/**
 * Installs the read model's index templates and creates its indices (idempotent; additive mapping
 * changes are applied to existing indices). It installs every `<index>.json` of the folder, the
 * catalog's `products`, `collections` and `stock-levels` among them.
 */
export async function installCatalogReadModelIndices(
  client: Client,
  options: CatalogIndicesOptions = {},
): Promise<InstalledIndex[]> {
  const { prefix = '', dir = catalogIndicesDir() } = options;
  return await installIndexTemplates(client, { dir, prefix });
}

/** Deletes what installCatalogReadModelIndices made under a (non-empty) test prefix. */
export async function dropCatalogReadModelIndices(
  client: Client,
  options: { prefix: string; dir?: string },
): Promise<void> {
  const { prefix, dir = catalogIndicesDir() } = options;
  await dropIndexTemplates(client, { dir, prefix });
}
