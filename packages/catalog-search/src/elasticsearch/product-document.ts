import type { ProductView } from '@commerce/contracts/inventory';
import { checkProductView } from '../check-product-view.js';
import type { SearchField } from '../search-field-weights.js';
import { titleSortKey } from '../title-sort-key.js';
import { searchTerms } from './search-terms.js';

/**
 * A product as the `products` index stores it (infra/elasticsearch/indices/products.json): the
 * ProductView untouched under `doc` (not indexed, returned by searches), and the fields searches
 * filter, facet, sort and match on, derived here so every engine-side value is computed in
 * TypeScript with the package's shared helpers.
 */
export interface ProductDocument {
  id: string;
  handle: string;
  titleSortKey: string;
  collections: string[];
  colors: string[];
  sizes: string[];
  supplierType: string;
  priceMin: number;
  priceMax: number;
  currency: string;
  inStock: boolean;
  available: number;
  /** Normalised with Date#toISOString. */
  createdAt: string;
  /** Folded terms (see searchTerms) joined by spaces, one field per searchable field. */
  search: Record<SearchField, string>;
  doc: ProductView;
}

const terms = (...texts: readonly string[]): string => texts.flatMap(searchTerms).join(' ');
const unique = (values: readonly string[]): string[] => [...new Set(values)];

/** Derives the document of a product, throwing a TypeError (checkProductView) when it is unusable. */
export function toProductDocument(product: ProductView): ProductDocument {
  const { createdAt } = checkProductView(product);
  return {
    id: product.id,
    handle: product.handle,
    titleSortKey: titleSortKey(product.title),
    collections: unique(product.collections),
    colors: unique(product.colors),
    sizes: unique(product.sizes),
    supplierType: product.supplier.type,
    priceMin: product.priceMin.amount,
    priceMax: product.priceMax.amount,
    currency: product.priceMin.currency,
    inStock: product.inStock,
    available: product.available,
    createdAt,
    search: {
      title: terms(product.title),
      description: terms(product.description),
      vendor: terms(product.vendor),
      tags: terms(...product.tags),
      colors: terms(...product.colors),
      collections: terms(...product.collections),
    },
    doc: product,
  };
}
