import { dropIndexTemplates, installIndexTemplates, type InstalledIndex } from '@commerce/elasticsearch-store';
import type { Client } from '@elastic/elasticsearch';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The projection's index under `prefix` (defined by `infra/elasticsearch/indices/orders.json`). */
export function ordersIndexName(prefix = ''): string {
  return `${prefix}orders`;
}

const INDICES_DIR = join('infra', 'elasticsearch', 'indices');

/**
 * `<workspace root>/infra/elasticsearch/indices`, the workspace root being the nearest folder
 * above this module holding `pnpm-workspace.yaml`. Throws when there is none (a deployed folder):
 * pass `dir` to the installer there.
 */
export function orderIndicesDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, INDICES_DIR);
    if (dirname(dir) === dir) {
      throw new Error(`no pnpm-workspace.yaml above ${from}: pass the folder of the index files (${INDICES_DIR}) as \`dir\``);
    }
  }
}

export interface OrderIndicesOptions {
  /** Prepended to every index and template name (tests); default none. */
  prefix?: string;
  /** The index files; default {@link orderIndicesDir}. */
  dir?: string;
}

/**
 * Installs the index templates and creates missing indices (idempotent; additive mapping changes
 * are applied to existing indices). The installer of @commerce/elasticsearch-store installs every
 * `<index>.json` of the folder: `orders` and the other read models' indices beside it.
 */
export async function installOrderSearchIndices(client: Client, options: OrderIndicesOptions = {}): Promise<InstalledIndex[]> {
  const { prefix = '', dir = orderIndicesDir() } = options;
  return await installIndexTemplates(client, { dir, prefix });
}

/** Deletes what installOrderSearchIndices made under a (non-empty) test prefix. */
export async function dropOrderSearchIndices(client: Client, options: { prefix: string; dir?: string }): Promise<void> {
  const { prefix, dir = orderIndicesDir() } = options;
  await dropIndexTemplates(client, { dir, prefix });
}
