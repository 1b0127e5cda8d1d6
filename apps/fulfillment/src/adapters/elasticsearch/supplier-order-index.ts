import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@elastic/elasticsearch';
import {
  dropIndexTemplates,
  installIndexTemplates,
  type InstalledIndex,
} from '@commerce/elasticsearch-store';

/** The projection's index (infra/elasticsearch/indices/supplier_orders.json) under a prefix. */
export const supplierOrderIndexName = (prefix = ''): string => `${prefix}supplier_orders`;

const INDICES_DIR = join('infra', 'elasticsearch', 'indices');

/** `<workspace root>/infra/elasticsearch/indices` (the nearest folder above holding pnpm-workspace.yaml). */
export function indicesDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, INDICES_DIR);
    if (dirname(dir) === dir)
      throw new Error(
        `no pnpm-workspace.yaml above ${from}: pass the folder of the index files (${INDICES_DIR})`,
      );
  }
}

/**
 * Installs the index templates of the folder and creates missing indices (idempotent; the
 * installer of @commerce/elasticsearch-store installs every `<index>.json`, `supplier_orders`
 * among them — like the store-migrations job does).
 */
export async function installSupplierOrderIndex(
  client: Client,
  options: { prefix?: string; dir?: string } = {},
): Promise<InstalledIndex[]> {
  const { prefix = '', dir = indicesDir() } = options;
  return await installIndexTemplates(client, { dir, prefix });
}

/** Removes what installSupplierOrderIndex made under a (non-empty) test prefix. */
export async function dropSupplierOrderIndex(
  client: Client,
  options: { prefix: string; dir?: string },
): Promise<void> {
  const { prefix, dir = indicesDir() } = options;
  await dropIndexTemplates(client, { dir, prefix });
}
