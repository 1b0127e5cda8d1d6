import { Type, type Static } from '@sinclair/typebox';
import { ConfigError } from './parse-env.js';
import { SchemaSetupSetting } from './schema-setup-setting.js';

/** Where a domain's read models (search projections) live: SQLite or Elasticsearch. */
export const SearchSettingsSchema = Type.Object({
  /** sqlite or elasticsearch; absent → elasticsearch when ELASTICSEARCH_URL is set, else sqlite. */
  SEARCH: Type.Optional(
    Type.Union([Type.Literal('sqlite'), Type.Literal('elasticsearch')], {
      description: 'Read-model engine: sqlite or elasticsearch',
    }),
  ),
  /** Selects elasticsearch when SEARCH is absent. */
  ELASTICSEARCH_URL: Type.Optional(
    Type.String({ pattern: '^https?://[^\\s]+$', description: 'Elasticsearch base URL' }),
  ),
  ELASTICSEARCH_INDEX_PREFIX: Type.String({
    pattern: '^([a-z0-9][a-z0-9_.-]*)?$',
    default: '',
    description: 'Prefix of every index and template name',
  }),
  SCHEMA_SETUP: SchemaSetupSetting,
});

export type SearchConfig = Static<typeof SearchSettingsSchema>;

export type SearchSettings =
  | { engine: 'sqlite' }
  | { engine: 'elasticsearch'; url: string; indexPrefix: string; installIndices: boolean };

/** Which read-model engine to use: SEARCH, else elasticsearch when ELASTICSEARCH_URL is set, else sqlite. */
export function searchSettings(config: SearchConfig): SearchSettings {
  const url = config.ELASTICSEARCH_URL?.replace(/\/+$/, '');
  const engine = config.SEARCH ?? (url === undefined ? 'sqlite' : 'elasticsearch');
  if (engine === 'sqlite') return { engine };
  if (url === undefined)
    throw new ConfigError(['ELASTICSEARCH_URL: required when SEARCH=elasticsearch']);
  return {
    engine,
    url,
    indexPrefix: config.ELASTICSEARCH_INDEX_PREFIX,
    installIndices: config.SCHEMA_SETUP,
  };
}
