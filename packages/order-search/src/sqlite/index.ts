export { createSqliteOrderSearch, type SqliteOrderSearchDeps } from './sqlite-order-search.js';
export { migrateOrderSearch, ORDER_SEARCH_MIGRATIONS, ORDER_SEARCH_OWNER } from './migrations.js';
