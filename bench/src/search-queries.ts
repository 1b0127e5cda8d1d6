// The catalog search query shapes, derived from the first page of the catalog so every backend
// gets the same requests (the generated catalog is deterministic per seed and scale).
import type { ProductSearchResult } from '@commerce/contracts/inventory';

export function searchQueryPaths(first: ProductSearchResult): string[] {
  const words = [...new Set(first.items.flatMap((p) => p.title.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)))].slice(0, 6);
  const color = first.facets.color[0]?.value ?? 'Black';
  const size = first.facets.size[0]?.value ?? 'M';
  const collection = first.facets.collection[0]?.value ?? '';
  return [
    ...words.map((w) => `/v1/products?q=${encodeURIComponent(w.toLowerCase())}`),
    `/v1/products?q=${encodeURIComponent(words[0] ?? 'shirt')}&color=${encodeURIComponent(color)}&sort=price_asc`,
    `/v1/products?collection=${encodeURIComponent(collection)}&inStock=true&limit=24`,
    `/v1/products?size=${encodeURIComponent(size)}&minPrice=2000&maxPrice=9000&offset=24`,
    `/v1/products?sort=newest`,
  ];
}
