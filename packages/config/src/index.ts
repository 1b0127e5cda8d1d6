export { ConfigError, parseEnv } from './parse-env.js';
export { TemporalSettingsSchema, type TemporalSettings } from './temporal-settings.js';
export {
  LOG_LEVELS,
  LogLevelSettingsSchema,
  type LogLevel,
  type LogLevelSettings,
} from './log-level-settings.js';
export { SchemaSetupSetting } from './schema-setup-setting.js';
export {
  CassandraKeyspaceSetting,
  WriteStoreSettingsSchema,
  writeStoreSettings,
  type WriteStoreConfig,
  type WriteStoreSettings,
} from './write-store-settings.js';
export {
  SearchSettingsSchema,
  searchSettings,
  type SearchConfig,
  type SearchSettings,
} from './search-settings.js';
