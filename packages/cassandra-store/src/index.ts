export { createCassandraClient, type CassandraClientOptions } from './client.js';
export {
  migrateKeyspace,
  type MigrateKeyspaceOptions,
  type MigrateKeyspaceResult,
  type AppliedMigration,
} from './migrate-keyspace.js';
export {
  migrateDomainKeyspace,
  workspaceCqlDir,
  type MigrateDomainKeyspaceOptions,
} from './migrate-domain-keyspace.js';
export {
  connectDomainKeyspace,
  type ConnectDomainKeyspaceOptions,
  type DomainKeyspaceConnection,
} from './connect-domain-keyspace.js';
export { readMigrationFiles, splitCqlStatements, type MigrationFile } from './cql-files.js';
export { MigrationError, type MigrationErrorCode } from './migration-error.js';
export { checkCassandra, type CassandraCheck } from './check.js';
export { assertKeyspaceName } from './names.js';
