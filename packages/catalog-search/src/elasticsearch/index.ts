export {
  createElasticsearchCatalogReadModel,
  type ElasticsearchCatalogReadModelDeps,
} from './elasticsearch-catalog-read-model.js';
export {
  openElasticsearchCatalogReadModel,
  type OpenElasticsearchCatalogReadModelOptions,
  type OpenedElasticsearchCatalogReadModel,
} from './open-elasticsearch-catalog-read-model.js';
export {
  catalogIndexNames,
  catalogIndicesDir,
  dropCatalogReadModelIndices,
  installCatalogReadModelIndices,
  type CatalogIndexNames,
  type CatalogIndicesOptions,
} from './catalog-indices.js';
export { foldSearchToken, searchTerms, MAX_TERM_LENGTH } from './search-terms.js';
