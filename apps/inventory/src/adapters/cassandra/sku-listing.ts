import type { Client } from 'cassandra-driver';
import { text } from './cql-values.js';
import { prefixesFrom, skuPrefixOf } from './sku-prefix.js';

/**
 * An SKU listing table (`stock_skus`, `catalog_skus`): SKUs in SKU order, partitioned by their
 * first character, read a page at a time by visiting the partitions in order.
 */
export function createSkuListing(client: Client, table: 'stock_skus' | 'catalog_skus') {
  const options = { prepare: true } as const;

  async function add(skus: readonly string[]): Promise<void> {
    if (skus.length === 0) return;
    const query = `INSERT INTO ${table} (prefix, sku) VALUES (?, ?)`;
    await Promise.all(skus.map((sku) => client.execute(query, [skuPrefixOf(sku), sku], options)));
  }

  async function remove(skus: readonly string[]): Promise<void> {
    const query = `DELETE FROM ${table} WHERE prefix = ? AND sku = ?`;
    await Promise.all(skus.map((sku) => client.execute(query, [skuPrefixOf(sku), sku], options)));
  }

  async function page(afterSku: string, limit: number): Promise<string[]> {
    const skus: string[] = [];
    for (const prefix of prefixesFrom(afterSku)) {
      const remaining = limit - skus.length;
      if (remaining <= 0) break;
      const result = await client.execute(`SELECT sku FROM ${table} WHERE prefix = ? AND sku > ? LIMIT ?`, [prefix, afterSku, remaining], options);
      skus.push(...result.rows.map((row) => text(row, 'sku')));
    }
    return skus;
  }

  return { add, remove, page };
}

export type SkuListing = ReturnType<typeof createSkuListing>;
