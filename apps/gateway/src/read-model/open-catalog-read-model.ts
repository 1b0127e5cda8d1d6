import type { CatalogReadModel } from '@commerce/catalog-search';
import { openElasticsearchCatalogReadModel } from '@commerce/catalog-search/elasticsearch';
import {
  createSqliteCatalogReadModel,
  migrateCatalogReadModel,
} from '@commerce/catalog-search/sqlite';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { SearchSettings } from '../config.js';

export interface OpenedCatalogReadModel {
  /** The gateway only reads; the writer half serves tests that seed it. */
  readModel: CatalogReadModel;
  /** Releases what the read model holds (the Elasticsearch client; the SQLite file is the caller's). */
  close: () => Promise<void>;
}

/**
 * The catalog read model SEARCH selects: SQLite in the embedded profile's database file (migrated
 * here), or Elasticsearch (index templates installed here, idempotently).
 */
export async function openCatalogReadModel(
  search: SearchSettings,
  db: SqliteDatabase,
): Promise<OpenedCatalogReadModel> {
  if (search.engine === 'elasticsearch') {
    const { readModel, close } = await openElasticsearchCatalogReadModel({
      node: search.url,
      indexPrefix: search.indexPrefix,
      installIndices: search.installIndices,
    });
    return { readModel, close };
  }
  migrateCatalogReadModel(db);
  return { readModel: createSqliteCatalogReadModel({ db }), close: () => Promise.resolve() };
}
