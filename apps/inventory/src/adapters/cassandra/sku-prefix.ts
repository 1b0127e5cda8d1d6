/**
 * SKU listings (catalog_skus, stock_skus) are partitioned by the SKU's first character, which
 * SkuSchema limits to 0-9 and A-Z: at most 36 partitions, visited in this (SKU) order.
 */
export const SKU_PREFIXES: readonly string[] = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

export const skuPrefixOf = (sku: string): string => sku.charAt(0);

/** The prefixes whose SKUs can come after `afterSku`, in order. */
export function prefixesFrom(afterSku: string): string[] {
  if (afterSku === '') return [...SKU_PREFIXES];
  const first = skuPrefixOf(afterSku);
  return SKU_PREFIXES.filter((prefix) => prefix >= first);
}
