export {
  planStoreMigrations,
  type StoreMigrationPlan,
  type PlannedKeyspace,
  type PlannedIndex,
  type PlanOptions,
} from './migration-plan.js';
export {
  runStoreMigrations,
  type RunStoreMigrationsOptions,
  type StoreMigrationsReport,
} from './run-store-migrations.js';
export { waitForStores, type WaitForStoresOptions } from './wait-for-stores.js';
export {
  loadStoreMigrationsConfig,
  StoreMigrationsEnvSchema,
  type StoreMigrationsConfig,
} from './config.js';
