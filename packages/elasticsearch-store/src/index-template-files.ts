import type { estypes } from '@elastic/elasticsearch';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The body of one `<index>.json` file: a composable index template. */
export type IndexTemplateBody = Omit<
  estypes.IndicesPutIndexTemplateRequest,
  'name' | 'index_patterns'
> & {
  index_patterns: string[];
};

export interface IndexTemplateFile {
  /** The index this file defines: the file name without `.json`. */
  index: string;
  fileName: string;
  body: IndexTemplateBody;
}

const INDEX_FILE = /^([a-z0-9][a-z0-9_-]*)\.json$/;
/** A prefix must keep index names valid: lowercase, not starting with `_`, `-` or `+`. */
const PREFIX = /^([a-z0-9][a-z0-9_.-]*)?$/;

export class IndexTemplateError extends Error {
  readonly code = 'INVALID_INDEX_TEMPLATE';
  constructor(message: string) {
    super(message);
    this.name = 'IndexTemplateError';
  }
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function assertIndexPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) {
    throw new IndexTemplateError(
      `invalid index prefix ${JSON.stringify(prefix)}: lowercase letters, digits, '_', '-', '.', not starting with '_', '-' or '.'`,
    );
  }
}

/**
 * Reads and checks every `<index>.json` of `dir` (other files, e.g. README.md, are ignored). Each
 * must hold a JSON object with `index_patterns` matching its own index name and a `template`
 * object; anything else is an IndexTemplateError naming the file, before anything is installed.
 */
export function readIndexTemplateFiles(dir: string): IndexTemplateFile[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(dir);
  } catch (err) {
    throw new IndexTemplateError(
      `cannot read the index template folder ${dir}: ${(err as Error).message}`,
    );
  }
  const files: IndexTemplateFile[] = [];
  for (const fileName of entries.filter((entry) => entry.endsWith('.json')).sort()) {
    const where = join(dir, fileName);
    const match = INDEX_FILE.exec(fileName);
    if (match === null) {
      throw new IndexTemplateError(
        `${where}: name index files <index>.json in lowercase (letters, digits, '_', '-')`,
      );
    }
    const index = match[1] ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(where, 'utf8'));
    } catch (err) {
      throw new IndexTemplateError(`${where}: not valid JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new IndexTemplateError(
        `${where}: expected a JSON object { "index_patterns", "template": { settings, mappings } }`,
      );
    }
    const body = parsed as Record<string, unknown>;
    const patterns =
      typeof body.index_patterns === 'string' ? [body.index_patterns] : body.index_patterns;
    if (
      !Array.isArray(patterns) ||
      patterns.length === 0 ||
      !patterns.every((p) => typeof p === 'string' && p !== '')
    ) {
      throw new IndexTemplateError(
        `${where}: "index_patterns" must be a non-empty list of index name patterns`,
      );
    }
    const indexPatterns = patterns as string[];
    if (!indexPatterns.some((pattern) => globToRegExp(pattern).test(index))) {
      throw new IndexTemplateError(
        `${where}: none of "index_patterns" ${JSON.stringify(indexPatterns)} matches the file's index name "${index}"`,
      );
    }
    if (
      typeof body.template !== 'object' ||
      body.template === null ||
      Array.isArray(body.template)
    ) {
      throw new IndexTemplateError(
        `${where}: "template" must be an object with settings and mappings`,
      );
    }
    files.push({ index, fileName, body: { ...body, index_patterns: indexPatterns } });
  }
  return files;
}

/**
 * The template as installed under `prefix`: its name, each index pattern and each alias name
 * prefixed, so installs under different prefixes never overlap or share an alias.
 */
export function prefixedTemplate(
  file: IndexTemplateFile,
  prefix: string,
): { name: string; index: string; body: IndexTemplateBody } {
  const { template } = file.body;
  const aliases = template?.aliases;
  return {
    name: `${prefix}${file.index}`,
    index: `${prefix}${file.index}`,
    body: {
      ...file.body,
      index_patterns: file.body.index_patterns.map((pattern) => `${prefix}${pattern}`),
      ...(template === undefined
        ? {}
        : {
            template: {
              ...template,
              ...(aliases === undefined
                ? {}
                : {
                    aliases: Object.fromEntries(
                      Object.entries(aliases).map(([alias, spec]) => [`${prefix}${alias}`, spec]),
                    ),
                  }),
            },
          }),
    },
  };
}
