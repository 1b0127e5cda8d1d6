export {
  readTemporalServerSettings,
  defaultCacheDir,
  type TemporalServerSettings,
} from './config.js';
export { PINNED_WHEELS, BINARY_KINDS, type BinaryKind } from './versions.js';
export {
  COMMERCE_SEARCH_ATTRIBUTES,
  SEARCH_ATTRIBUTE_TYPES,
  type SearchAttributeDefinitions,
  type SearchAttributeTypeName,
} from './search-attributes.js';
export {
  locateBinary,
  temporalCacheLayout,
  type BinarySource,
  type LocatedBinary,
} from './binary-location.js';
export {
  ensureBinary,
  ensureTemporalBinaries,
  type EnsureBinaryOptions,
} from './install-binaries.js';
export { temporalCliVersion } from './verify-binary.js';
export { startDevServer, DEV_SERVER_LOG_LEVELS, type DevServerOptions } from './dev-server.js';
export { startTimeSkippingServer, type TimeSkippingServerOptions } from './time-skipping-server.js';
export { TemporalServerStartError, type RunningServer } from './running-server.js';
// Moved to @commerce/process-kit; still exported here for existing importers.
export {
  findFreePort,
  findWorkspaceRoot,
  withFileLock,
  type FileLockOptions,
} from '@commerce/process-kit';
export type { ServerLogger } from './server-logger.js';
