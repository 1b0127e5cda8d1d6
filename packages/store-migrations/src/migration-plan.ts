import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertKeyspaceName, MigrationError, readMigrationFiles } from '@commerce/cassandra-store';
import { IndexTemplateError, readIndexTemplateFiles } from '@commerce/elasticsearch-store';

export interface PlannedKeyspace {
  /** The keyspace to migrate: the prefix plus the folder name. */
  keyspace: string;
  /** The folder of its `NNN-name.cql` files. */
  cqlDir: string;
  /** The versions of its files, in order. */
  versions: number[];
}

export interface PlannedIndex {
  /** The index name with the prefix. */
  index: string;
  fileName: string;
}

/** Everything one run applies, checked against the files before any server is contacted. */
export interface StoreMigrationPlan {
  keyspaces: PlannedKeyspace[];
  indicesDir: string;
  indexPrefix: string;
  indices: PlannedIndex[];
}

export interface PlanOptions {
  /** Folder whose sub-folders are keyspaces (`infra/cassandra/cql`). */
  cqlDir: string;
  keyspacePrefix?: string;
  /** Folder of `<index>.json` files (`infra/elasticsearch/indices`). */
  indicesDir: string;
  indexPrefix?: string;
}

function subFolders(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(dir);
  } catch (err) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `cannot read the CQL folder ${dir}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  return entries.filter((entry) => statSync(join(dir, entry)).isDirectory()).sort();
}

/**
 * Reads and validates every keyspace folder and every index template file: a folder name that is
 * not a keyspace name, a bad or empty CQL file, a bad template file, no keyspace folder or no
 * index file at all — each is an error naming the file, thrown before anything is applied.
 */
export function planStoreMigrations(options: PlanOptions): StoreMigrationPlan {
  const { cqlDir, keyspacePrefix = '', indicesDir, indexPrefix = '' } = options;
  const keyspaces: PlannedKeyspace[] = [];
  for (const folder of subFolders(cqlDir)) {
    const keyspace = `${keyspacePrefix}${folder}`;
    try {
      assertKeyspaceName(keyspace);
    } catch (err) {
      throw new MigrationError(
        'INVALID_MIGRATION',
        `${join(cqlDir, folder)}: the folder name makes the keyspace ${JSON.stringify(keyspace)}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const folderDir = join(cqlDir, folder);
    const files = readMigrationFiles(folderDir);
    if (files.length === 0) {
      throw new MigrationError(
        'INVALID_MIGRATION',
        `${folderDir} holds no NNN-name.cql files (remove the folder or add its first migration)`,
      );
    }
    keyspaces.push({ keyspace, cqlDir: folderDir, versions: files.map((file) => file.version) });
  }
  if (keyspaces.length === 0) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `${cqlDir} holds no keyspace folders (expected ${join(cqlDir, '<keyspace>', 'NNN-name.cql')})`,
    );
  }
  const files = readIndexTemplateFiles(indicesDir);
  if (files.length === 0) throw new IndexTemplateError(`${indicesDir} holds no <index>.json files`);
  return {
    keyspaces,
    indicesDir,
    indexPrefix,
    indices: files.map((file) => ({
      index: `${indexPrefix}${file.index}`,
      fileName: file.fileName,
    })),
  };
}
