import type { ProductView } from '@commerce/contracts/inventory';
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
 * product and field when a value the read model sorts or filters by is unusable.
 */
export function toProductRow(product: ProductView): ProductRow {
  const id = product.id;
  const fail = (field: string, value: unknown): never => {
    throw new TypeError(`product ${String(id)}: ${field} ${JSON.stringify(value)} is invalid`);
  };
  if (typeof id !== 'string' || id === '') fail('id', id);
  if (typeof product.handle !== 'string' || product.handle === '') fail('handle', product.handle);
  const createdAtMs = typeof product.createdAt === 'string' ? Date.parse(product.createdAt) : NaN;
  if (Number.isNaN(createdAtMs)) fail('createdAt', product.createdAt);
  for (const [field, money] of [
    ['priceMin', product.priceMin],
    ['priceMax', product.priceMax],
  ] as const) {
    if (!Number.isSafeInteger(money?.amount) || money.amount < 0)
      fail(`${field}.amount`, money?.amount);
  }
  if (!Number.isSafeInteger(product.available) || product.available < 0)
    fail('available', product.available);

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
      id,
      handle: product.handle,
      title: product.title,
      titleSort: titleSortKey(product.title),
      priceMin: product.priceMin.amount,
      priceMax: product.priceMax.amount,
      currency: product.priceMin.currency,
      inStock: product.inStock ? 1 : 0,
      available: product.available,
      createdAt: new Date(createdAtMs).toISOString(),
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
