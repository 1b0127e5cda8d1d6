import { errors, type Client } from '@elastic/elasticsearch';
import { isDeepStrictEqual } from 'node:util';
import {
  assertIndexPrefix,
  IndexTemplateError,
  prefixedTemplate,
  readIndexTemplateFiles,
} from './index-template-files.js';

export interface InstallIndexTemplatesOptions {
  /** Folder of `<index>.json` files, e.g. `infra/elasticsearch/indices`. */
  dir: string;
  /**
   * Prepended to every index, template name and index pattern (e.g. `t3f9a_`), so tests sharing
   * one node stay apart. Default: none.
   */
  prefix?: string;
}

export interface InstalledIndex {
  /** The index name (prefix included). */
  index: string;
  template: string;
  /** True when this call created the index. */
  created: boolean;
  /** True when the index existed and the file's mappings added something to it. */
  mappingUpdated: boolean;
}

function isAlreadyExists(err: unknown): boolean {
  return (
    err instanceof errors.ResponseError &&
    err.body !== undefined &&
    JSON.stringify(err.body).includes('resource_already_exists_exception')
  );
}

/**
 * For each `<index>.json` of `dir`: puts the composable index template (overwriting the previous
 * version), creates the index if it is missing (the template gives it settings and mappings), and
 * on an existing index applies the file's mappings with put-mapping (additive changes only; a
 * conflicting change fails with Elasticsearch's error). Idempotent. All files are validated
 * before the first request.
 */
export async function installIndexTemplates(
  client: Client,
  options: InstallIndexTemplatesOptions,
): Promise<InstalledIndex[]> {
  const { dir, prefix = '' } = options;
  assertIndexPrefix(prefix);
  const files = readIndexTemplateFiles(dir);
  if (files.length === 0) throw new IndexTemplateError(`${dir} holds no <index>.json files`);
  const installed: InstalledIndex[] = [];
  for (const file of files) {
    const { name, index, body } = prefixedTemplate(file, prefix);
    await client.indices.putIndexTemplate({ name, ...body });
    let created = false;
    if (!(await client.indices.exists({ index }))) {
      try {
        await client.indices.create({ index, wait_for_active_shards: 1 });
        created = true;
      } catch (err) {
        if (!isAlreadyExists(err)) throw err; // a concurrent installer created it first
      }
    }
    let mappingUpdated = false;
    const mappings = body.template?.mappings;
    if (!created && mappings !== undefined) {
      const before = (await client.indices.getMapping({ index }))[index]?.mappings;
      await client.indices.putMapping({ index, ...mappings });
      const after = (await client.indices.getMapping({ index }))[index]?.mappings;
      mappingUpdated = !isDeepStrictEqual(before, after);
    }
    installed.push({ index, template: name, created, mappingUpdated });
  }
  return installed;
}

/**
 * Deletes the indices and templates that `installIndexTemplates` made under `prefix` (tests'
 * cleanup). A prefix is required, so the unprefixed production indices cannot be dropped by it.
 */
export async function dropIndexTemplates(
  client: Client,
  options: { dir: string; prefix: string },
): Promise<void> {
  const { dir, prefix } = options;
  if (prefix === '') throw new IndexTemplateError('dropIndexTemplates needs a non-empty prefix');
  assertIndexPrefix(prefix);
  for (const file of readIndexTemplateFiles(dir)) {
    const { name, index } = prefixedTemplate(file, prefix);
    await client.indices.delete({ index }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name }, { ignore: [404] });
  }
}
