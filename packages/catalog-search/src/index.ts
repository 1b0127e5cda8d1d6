export type { CatalogReadModel, CatalogReadModelReader, CatalogReadModelWriter } from './ports.js';
export { PRICE_BUCKETS } from './ports.js';
