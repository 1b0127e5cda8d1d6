import type { CatalogLine, Collection } from '@commerce/contracts/inventory';
import { PRODUCT_TYPES, THEMES } from './catalog-vocabulary.js';
import { generateProduct } from './generate-product.js';

/** The catalog's fixed default seed. */
export const DEFAULT_CATALOG_SEED = 20_240_601;

/** Products at scale 1 (the SPEC asks for at least 2,700). */
export const PRODUCTS_AT_SCALE_1 = 2_700;

/** Type collections first, then the thematic ones: at least 40 in every catalog. */
export const GENERATED_COLLECTIONS: readonly Collection[] = [
  ...PRODUCT_TYPES.map((t) => ({
    handle: t.collection,
    title: t.collectionTitle,
    description: `Every ${t.noun.toLowerCase()} in the catalog, across all colours and sizes.`,
  })),
  ...THEMES,
];

export const generatedProductCount = (scale: number): number => Math.max(1, Math.round(PRODUCTS_AT_SCALE_1 * scale));

export interface GeneratedCatalog {
  /** Collection lines, then product lines. */
  total: number;
  /** Line `index` (0-based): computed directly, without generating the lines before it. */
  line(index: number): CatalogLine;
}

export function generatedCatalog(seed: number, scale: number): GeneratedCatalog {
  const collections = GENERATED_COLLECTIONS.length;
  const total = collections + generatedProductCount(scale);
  return {
    total,
    line(index) {
      if (!Number.isInteger(index) || index < 0 || index >= total) throw new RangeError(`line ${index} is outside 0..${total - 1}`);
      if (index < collections) return { collection: GENERATED_COLLECTIONS[index] as Collection };
      return generateProduct(seed, index - collections);
    },
  };
}
