import { buildProductView, buildStockLevelView } from '../domain/product-view.js';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';

export interface ProjectionResult {
  skus: number;
  products: number;
}

/**
 * Writes the read side of some SKUs: every product containing one of them (rebuilt from all of
 * its variants' stock) and the stock-level views of the SKUs themselves.
 */
export function createStockProjection(deps: Pick<InventoryActivityDeps, 'catalog' | 'stock' | 'readModel' | 'now'>) {
  const { catalog, stock, readModel } = deps;
  return async function projectSkus(skus: readonly string[]): Promise<ProjectionResult> {
    const requested = [...new Set(skus)];
    if (requested.length === 0) return { skus: 0, products: 0 };
    const products = await catalog.findProductsBySkus(requested);
    const productOfSku = new Map(products.flatMap((p) => p.variants.map((v) => [v.sku, p.id] as const)));
    const levels = await stock.getLevels([...productOfSku.keys()]);
    const levelOf = new Map(levels.map((l) => [l.sku, l]));
    const projected = requested.flatMap((sku) => {
      const level = levelOf.get(sku);
      const productId = productOfSku.get(sku);
      return level && productId ? [{ level, productId }] : [];
    });
    const activeHolds = await stock.countActiveHolds(projected.map((p) => p.level.sku));
    const at = nowIso(deps);
    const availability = new Map(levels.map((l) => [l.sku, l.available]));
    await readModel.upsertProducts(products.map((p) => buildProductView(p, availability, at)));
    await readModel.upsertStockLevels(
      projected.map(({ level, productId }) => buildStockLevelView(level, productId, activeHolds[level.sku] ?? 0, at)),
    );
    await readModel.refresh();
    return { skus: projected.length, products: products.length };
  };
}
