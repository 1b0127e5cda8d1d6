export {
  createSqliteCatalogReadModel,
  type SqliteCatalogReadModelDeps,
} from './sqlite-catalog-read-model.js';
export {
  migrateCatalogReadModel,
  CATALOG_READ_MODEL_MIGRATIONS,
  CATALOG_READ_MODEL_OWNER,
} from './migrations.js';
