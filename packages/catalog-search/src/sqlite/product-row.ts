import type { ProductView } from '@commerce/contracts/inventory';
import { checkProductView } from '../check-product-view.js';
import type { ListFacet } from '../normalize-search-query.js';
import { titleSortKey } from '../title-sort-key.js';

/** What one product becomes in the read model's tables. */
export interface ProductRow {
  columns: {
    id: string;
    handle: string;
    title: string;
    titleSort: string;
    priceMin: number;
    priceMax: number;
    currency: string;
    inStock: 0 | 1;
    available: number;
    createdAt: string;
    supplierType: string;
    doc: string;
  };
  /** Text of the FTS columns: lists are joined with spaces. */
  fts: {
    title: string;
    description: string;
    vendor: string;
    tags: string;
    colors: string;
    collections: string;
  };
  facets: { facet: ListFacet; value: string }[];
}

/**
 * Derives the columns, FTS text and facet rows of a product, throwing a TypeError naming the
 * product and field when a value the read model sorts or filters by is unusable (checkProductView).
 */
export function toProductRow(product: ProductView): ProductRow {
  const { createdAt } = checkProductView(product);
  const facets: ProductRow['facets'] = [];
  const addFacet = (facet: ListFacet, values: readonly string[]) => {
    for (const value of new Set(values)) facets.push({ facet, value });
  };
  addFacet('collection', product.collections);
  addFacet('color', product.colors);
  addFacet('size', product.sizes);
  addFacet('supplierType', [product.supplier.type]);

  return {
    columns: {
      id: product.id,
      handle: product.handle,
      title: product.title,
      titleSort: titleSortKey(product.title),
      priceMin: product.priceMin.amount,
      priceMax: product.priceMax.amount,
      currency: product.priceMin.currency,
      inStock: product.inStock ? 1 : 0,
      available: product.available,
      createdAt,
      supplierType: product.supplier.type,
      doc: JSON.stringify(product),
    },
    fts: {
      title: product.title,
      description: product.description,
      vendor: product.vendor,
      tags: product.tags.join(' '),
      colors: product.colors.join(' '),
      collections: product.collections.join(' '),
    },
    facets,
  };
}
