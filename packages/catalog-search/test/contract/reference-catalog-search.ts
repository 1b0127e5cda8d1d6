import type {
  FacetBucket,
  PriceBucket,
  ProductFacets,
  ProductSearchQuery,
  ProductView,
} from '@commerce/contracts/inventory';
import { PRICE_BUCKETS } from '../../src/ports.js';

// The search semantics of the CatalogReadModel port restated as plain, slow, in-memory code over
// product documents. Tests compare adapters with it; it shares no code with any adapter. Relevance
// order is not modelled (matches are returned newest first; compare relevance results as sets).

export interface ReferenceResult {
  /** Every match in the query's order (relevance: newest first). */
  ids: string[];
  total: number;
  facets: ProductFacets;
}

type ListFacetName = 'collection' | 'color' | 'size' | 'supplierType';
type Excluded = ListFacetName | 'price' | 'inStock' | undefined;

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function valuesOf(product: ProductView, facet: ListFacetName): string[] {
  if (facet === 'collection') return product.collections;
  if (facet === 'color') return product.colors;
  if (facet === 'size') return product.sizes;
  return [product.supplier.type];
}

function matchesText(product: ProductView, q: string | undefined): boolean {
  const tokens = words((q ?? '').normalize('NFC'));
  if (tokens.length === 0) return true;
  const vocabulary = new Set(
    [
      product.title,
      product.description,
      product.vendor,
      ...product.tags,
      ...product.colors,
      ...product.collections,
    ].flatMap(words),
  );
  return tokens.every((token, i) =>
    i < tokens.length - 1
      ? vocabulary.has(token)
      : [...vocabulary].some((word) => word.startsWith(token)),
  );
}

function matches(product: ProductView, query: ProductSearchQuery, except: Excluded): boolean {
  if (!matchesText(product, query.q)) return false;
  for (const facet of ['collection', 'color', 'size', 'supplierType'] as const) {
    const wanted: readonly string[] | undefined = query[facet];
    if (facet === except || !wanted || wanted.length === 0) continue;
    if (!valuesOf(product, facet).some((v) => wanted.includes(v))) return false;
  }
  if (except !== 'price') {
    if (query.minPrice !== undefined && product.priceMin.amount < query.minPrice) return false;
    if (query.maxPrice !== undefined && product.priceMin.amount > query.maxPrice) return false;
  }
  if (except !== 'inStock' && query.inStock !== undefined && product.inStock !== query.inStock)
    return false;
  return true;
}

function buckets(values: string[]): FacetBucket[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || byCodeUnit(a.value, b.value))
    .slice(0, 100);
}

export function referenceOrder(
  sort: ProductSearchQuery['sort'],
): (a: ProductView, b: ProductView) => number {
  const newest = (a: ProductView, b: ProductView) =>
    Date.parse(b.createdAt) - Date.parse(a.createdAt);
  const key: Record<
    NonNullable<ProductSearchQuery['sort']>,
    (a: ProductView, b: ProductView) => number
  > = {
    relevance: newest,
    newest,
    price_asc: (a, b) => a.priceMin.amount - b.priceMin.amount,
    price_desc: (a, b) => b.priceMin.amount - a.priceMin.amount,
    title_asc: (a, b) =>
      byCodeUnit(a.title.normalize('NFC').toLowerCase(), b.title.normalize('NFC').toLowerCase()),
  };
  const primary = key[sort ?? 'relevance'];
  return (a, b) => primary(a, b) || byCodeUnit(a.id, b.id);
}

export function referenceSearch(
  products: readonly ProductView[],
  query: ProductSearchQuery,
): ReferenceResult {
  const hits = products
    .filter((p) => matches(p, query, undefined))
    .sort(referenceOrder(query.sort));
  const over = (except: Excluded) => products.filter((p) => matches(p, query, except));
  const listFacet = (facet: ListFacetName) =>
    buckets(over(facet).flatMap((p) => [...new Set(valuesOf(p, facet))]));
  const priced = over('price');
  const price = PRICE_BUCKETS.map((bucket): PriceBucket => ({
    ...bucket,
    count: priced.filter(
      (p) =>
        (bucket.from === undefined || p.priceMin.amount >= bucket.from) &&
        (bucket.to === undefined || p.priceMin.amount < bucket.to),
    ).length,
  }));
  return {
    ids: hits.map((p) => p.id),
    total: hits.length,
    facets: {
      collection: listFacet('collection'),
      color: listFacet('color'),
      size: listFacet('size'),
      supplierType: listFacet('supplierType'),
      price,
      inStock: buckets(over('inStock').map((p) => String(p.inStock))),
    },
  };
}
