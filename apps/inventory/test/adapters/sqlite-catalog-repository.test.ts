import { createSqliteCatalogRepository } from '../../src/adapters/sqlite/sqlite-catalog-repository.js';
import { describeCatalogRepositoryContract } from '../contract/catalog-repository.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

describeCatalogRepositoryContract('sqlite', () => {
  const temp = createTempDatabase('inventory-catalog-');
  return { repo: createSqliteCatalogRepository({ db: temp.db }), close: () => temp.cleanup() };
});
