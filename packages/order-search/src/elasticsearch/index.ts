export { createElasticsearchOrderSearch, type ElasticsearchOrderSearchDeps } from './elasticsearch-order-search.js';
export {
  openElasticsearchOrderSearch,
  type OpenElasticsearchOrderSearchOptions,
  type OpenedElasticsearchOrderSearch,
} from './open-elasticsearch-order-search.js';
export {
  dropOrderSearchIndices,
  installOrderSearchIndices,
  orderIndicesDir,
  ordersIndexName,
  type OrderIndicesOptions,
} from './order-indices.js';
export { toOrderIndexDocument, type OrderIndexDocument } from './order-index-document.js';
