import type { CatalogSourceReader } from './catalog-source.js';
import { generatedCatalog } from './generated-catalog.js';
import { validateCatalogLine } from './parse-catalog-line.js';

/** The deterministic generator as a catalog source; line numbers are 1-based like a file's. */
export function createGeneratedCatalogSource(seed: number, scale: number): CatalogSourceReader {
  const catalog = generatedCatalog(seed, scale);
  return {
    count: () => Promise.resolve(catalog.total),
    read(offset, limit) {
      const end = Math.min(catalog.total, offset + limit);
      const entries = [];
      for (let i = offset; i < end; i++) {
        const parsed = validateCatalogLine(catalog.line(i));
        entries.push({ line: i + 1, ...parsed });
      }
      return Promise.resolve(entries);
    },
  };
}
