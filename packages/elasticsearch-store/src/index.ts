export { createElasticsearchClient, type ElasticsearchClientOptions } from './client.js';
export { checkElasticsearch, type ElasticsearchCheck } from './check.js';
export {
  installIndexTemplates,
  dropIndexTemplates,
  type InstallIndexTemplatesOptions,
  type InstalledIndex,
} from './install-index-templates.js';
export {
  readIndexTemplateFiles,
  IndexTemplateError,
  type IndexTemplateFile,
  type IndexTemplateBody,
} from './index-template-files.js';
