import type { CatalogSource } from '@commerce/contracts/inventory';
import type { CatalogSourceReader } from './catalog-source.js';
import { createFileCatalogSource, createFileIndexCache } from './file-catalog-source.js';
import { createGeneratedCatalogSource } from './generated-catalog-source.js';

export interface CatalogSources {
  open(source: CatalogSource): CatalogSourceReader;
}

/** Opens the catalog sources an import can name: the generator, or an NDJSON file on this host. */
export function createCatalogSources(): CatalogSources {
  const fileIndexes = createFileIndexCache();
  return {
    open(source) {
      switch (source.kind) {
        case 'generated':
          return createGeneratedCatalogSource(source.seed, source.scale);
        case 'file':
          return createFileCatalogSource(source.path, fileIndexes);
      }
    },
  };
}
