export { readLocalServersSettings, type LocalServersSettings } from './config.js';
export { javaStatus, REQUIRED_JAVA_MAJOR, type JavaStatus, type JavaRuntime } from './java.js';
export {
  ensureElasticsearchInstalled,
  ensureCassandraInstalled,
  installLockDir,
  type EnsureInstalledOptions,
  type InstallResult,
  type ServerKind,
} from './install.js';
export {
  startElasticsearch,
  waitForElasticsearch,
  type StartElasticsearchOptions,
  type RunningElasticsearch,
} from './elasticsearch.js';
export {
  startCassandra,
  waitForCassandra,
  LOCAL_DATACENTER,
  type StartCassandraOptions,
  type RunningCassandra,
} from './cassandra.js';
export { ServerStartError } from './readiness.js';
export { PortInUseError } from './ports.js';
// Moved to @commerce/process-kit; still exported here for existing importers.
export { findFreePort } from '@commerce/process-kit';
export { withInstallLock, type InstallLockOptions } from './install-lock.js';
