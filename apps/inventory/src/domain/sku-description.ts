import type { DescribeSkusResult, Product, SkuDescription } from '@commerce/contracts/inventory';

/**
 * The catalog facts another domain sells an SKU by, from the products that carry the SKUs:
 * `found` in the order asked (each SKU once), `unknown` for SKUs no product has.
 */
export function describeSkus(skus: readonly string[], products: readonly Product[]): DescribeSkusResult {
  const bySku = new Map<string, SkuDescription>();
  for (const product of products) {
    for (const variant of product.variants) {
      bySku.set(variant.sku, {
        sku: variant.sku,
        productId: product.id,
        handle: product.handle,
        title: product.title,
        options: { ...variant.options },
        image: product.images[0] ? { ...product.images[0] } : null,
        unitPrice: { ...variant.price },
        ...(variant.compareAtPrice === undefined ? {} : { compareAtPrice: { ...variant.compareAtPrice } }),
        weightGrams: variant.weightGrams,
        supplier: { ...product.supplier },
      });
    }
  }
  const found: SkuDescription[] = [];
  const unknown: string[] = [];
  for (const sku of new Set(skus)) {
    const description = bySku.get(sku);
    if (description) found.push(description);
    else unknown.push(sku);
  }
  return { found, unknown };
}
