import type { CatalogReadModelWriter } from '@commerce/catalog-search';
import { openElasticsearchCatalogReadModel } from '@commerce/catalog-search/elasticsearch';
import {
  createSqliteCatalogReadModel,
  migrateCatalogReadModel,
} from '@commerce/catalog-search/sqlite';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { ReadModelSettings } from '../config.js';

export interface SelectedReadModel {
  /** What the import and the projector write the catalog read side through. */
  readModel: CatalogReadModelWriter;
  /** Releases the Elasticsearch client (the SQLite database is the caller's). */
  close: () => Promise<void>;
}

/**
 * The catalog read model SEARCH selects: SQLite in the embedded profile's database file (migrated
 * here), or Elasticsearch (index templates installed here, idempotently).
 */
export async function selectReadModel(
  settings: ReadModelSettings,
  db: SqliteDatabase,
): Promise<SelectedReadModel> {
  if (settings.engine === 'elasticsearch') {
    const { readModel, close } = await openElasticsearchCatalogReadModel({
      node: settings.url,
      indexPrefix: settings.indexPrefix,
      installIndices: settings.installIndices,
    });
    return { readModel, close };
  }
  migrateCatalogReadModel(db);
  return { readModel: createSqliteCatalogReadModel({ db }), close: () => Promise.resolve() };
}
