import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { openElasticsearchOrderSearch } from './elasticsearch/open-elasticsearch-order-search.js';
import type { OrderSearch } from './ports.js';
import { createSqliteOrderSearch } from './sqlite/sqlite-order-search.js';
import { migrateOrderSearch } from './sqlite/migrations.js';

/**
 * Which engine holds the projection: the shape of `searchSettings(config)` of @commerce/config
 * (SEARCH, ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX, SCHEMA_SETUP).
 */
export type OrderSearchSettings =
  | { engine: 'sqlite' }
  | { engine: 'elasticsearch'; url: string; indexPrefix?: string; installIndices?: boolean | string };

export interface OpenOrderSearchOptions {
  search: OrderSearchSettings;
  /**
   * SQLite only: the process's open database (the embedded profile's shared file, SQLITE_PATH),
   * left open by close(); or `sqlitePath` to let this function open (and close) its own.
   */
  db?: SqliteDatabase;
  sqlitePath?: string;
  /**
   * SQLite only: apply the projection's migrations first (default true; idempotent and safe from
   * several processes). A reader that must not write schema passes false.
   */
  migrate?: boolean;
}

export interface OpenedOrderSearch {
  /** Reader and writer; the gateway types it as OrderSearchReader. */
  search: OrderSearch;
  /** `sqlite <file>` or `elasticsearch <url> index <name>`, for the start-up log line. */
  description: string;
  /** Releases what it opened (the Elasticsearch client, a database it opened itself). */
  close: () => Promise<void>;
}

/** The orders projection the settings select, ready to read and write. */
export async function openOrderSearch(options: OpenOrderSearchOptions): Promise<OpenedOrderSearch> {
  const { search: settings } = options;
  if (settings.engine === 'elasticsearch') {
    const indexPrefix = settings.indexPrefix ?? '';
    const { search, close } = await openElasticsearchOrderSearch({
      node: settings.url,
      indexPrefix,
      installIndices: settings.installIndices ?? true,
    });
    return { search, description: `elasticsearch ${settings.url} index ${indexPrefix}orders`, close };
  }
  const own = options.db === undefined;
  let db: SqliteDatabase;
  if (options.db !== undefined) {
    db = options.db;
  } else if (options.sqlitePath !== undefined) {
    db = openDatabase({ filename: options.sqlitePath });
  } else {
    throw new TypeError('openOrderSearch: SQLite needs `db` or `sqlitePath`');
  }
  try {
    if (options.migrate ?? true) migrateOrderSearch(db);
    const search = createSqliteOrderSearch({ db });
    return {
      search,
      description: `sqlite ${db.name}`,
      close: () => {
        if (own) db.close();
        return Promise.resolve();
      },
    };
  } catch (err) {
    if (own) db.close();
    throw err;
  }
}
