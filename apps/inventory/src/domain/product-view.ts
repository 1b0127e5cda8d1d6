import type { Money } from '@commerce/contracts/common';
import type { Product, ProductView, StockLevel, StockLevelView, VariantView } from '@commerce/contracts/inventory';
import { isLowStock } from './stock-counters.js';

const unique = (values: readonly string[]): string[] => [...new Set(values)];

const byAmount = (a: Money, b: Money): number => a.amount - b.amount;

/**
 * The one place a catalog product becomes its read-side view: options, price range and
 * availability derived from the variants and the current `available` of each SKU (an SKU without
 * a stock level counts as 0).
 */
export function buildProductView(
  product: Product,
  availableBySku: ReadonlyMap<string, number>,
  projectedAt: string,
): ProductView {
  const variants: VariantView[] = product.variants.map((v) => {
    const available = Math.max(0, availableBySku.get(v.sku) ?? 0);
    return {
      sku: v.sku,
      options: v.options,
      price: v.price,
      ...(v.compareAtPrice ? { compareAtPrice: v.compareAtPrice } : {}),
      available,
      inStock: available > 0,
    };
  });
  const prices = product.variants.map((v) => v.price).sort(byAmount);
  // Variants have at least one entry (schema: minItems 1).
  const priceMin = prices[0] as Money;
  const priceMax = prices[prices.length - 1] as Money;
  const available = variants.reduce((sum, v) => sum + v.available, 0);
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description,
    vendor: product.vendor,
    supplier: product.supplier,
    collections: product.collections,
    tags: product.tags,
    images: product.images,
    colors: unique(product.variants.map((v) => v.options.color)),
    sizes: unique(product.variants.map((v) => v.options.size)),
    priceMin,
    priceMax,
    inStock: available > 0,
    available,
    variants,
    createdAt: product.createdAt,
    updatedAt: projectedAt,
  };
}

export function buildStockLevelView(
  level: StockLevel,
  productId: string,
  activeHolds: number,
  projectedAt: string,
): StockLevelView {
  return {
    sku: level.sku,
    productId,
    onHand: level.onHand,
    available: level.available,
    held: level.held,
    confirmed: level.confirmed,
    allocated: level.allocated,
    lowStockThreshold: level.lowStockThreshold,
    lowStock: isLowStock(level.available, level.lowStockThreshold),
    activeHolds,
    projectedAt,
  };
}
