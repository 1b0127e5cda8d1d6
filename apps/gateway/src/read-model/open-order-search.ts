import type { OrderSearchReader } from '@commerce/order-search';
import { openOrderSearch } from '@commerce/order-search/open';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { SearchSettings } from '../config.js';

export interface OpenedOrderSearchReader {
  orderSearch: OrderSearchReader;
  description: string;
  close: () => Promise<void>;
}

/**
 * The `orders` projection OMS writes, on the engine SEARCH selects (the same as the catalog's):
 * SQLite in the embedded profile's database file, or Elasticsearch. The gateway only reads it.
 */
export async function openOrderSearchReader(
  search: SearchSettings,
  db: SqliteDatabase,
): Promise<OpenedOrderSearchReader> {
  const opened = await openOrderSearch({ search, db });
  return { orderSearch: opened.search, description: opened.description, close: opened.close };
}
