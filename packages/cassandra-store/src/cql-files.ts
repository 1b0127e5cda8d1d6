import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationError } from './migration-error.js';

/** One `NNN-name.cql` file, parsed. */
export interface MigrationFile {
  version: number;
  /** The part after `NNN-`, without `.cql`. */
  name: string;
  fileName: string;
  /** sha256 (hex) of the file text with line endings normalised to `\n`. */
  checksum: string;
  statements: string[];
}

const FILE_NAME = /^(\d{3,})-([a-z0-9][a-z0-9_-]*)\.cql$/;
/** The runner owns the keyspace: files must not switch or (re)define it. */
const KEYSPACE_STATEMENT = /^(USE\s|(CREATE|ALTER|DROP)\s+KEYSPACE\b)/i;

/**
 * Splits CQL text into statements: a statement ends at a `;` that is the last character of a
 * line; whole-line `--` / `//` comments and `/* ... *\/` comment blocks are dropped.
 */
export function splitCqlStatements(text: string, fileName = '<text>'): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inBlockComment = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (inBlockComment) {
      if (line.includes('*/')) {
        inBlockComment = false;
        if (line.slice(line.indexOf('*/') + 2).trim() !== '') {
          throw new MigrationError(
            'INVALID_MIGRATION',
            `${fileName}:${index + 1}: put code on its own line after "*/"`,
          );
        }
      }
      return;
    }
    if (line.startsWith('/*')) {
      inBlockComment = !line.slice(2).includes('*/');
      if (!inBlockComment && line.slice(line.indexOf('*/') + 2).trim() !== '') {
        throw new MigrationError(
          'INVALID_MIGRATION',
          `${fileName}:${index + 1}: put code on its own line after "*/"`,
        );
      }
      return;
    }
    if (line === '' || line.startsWith('--') || line.startsWith('//')) return;
    current.push(raw.trimEnd());
    if (line.endsWith(';')) {
      const statement = current.join('\n').trim().replace(/;$/, '').trim();
      if (statement === '')
        throw new MigrationError('INVALID_MIGRATION', `${fileName}:${index + 1}: empty statement`);
      statements.push(statement);
      current = [];
    }
  });
  if (inBlockComment)
    throw new MigrationError('INVALID_MIGRATION', `${fileName}: unterminated /* comment`);
  if (current.length > 0) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `${fileName}: the last statement does not end with ';' at the end of a line: ${current.join(' ').slice(0, 80)}`,
    );
  }
  return statements;
}

/**
 * Reads every migration of a keyspace folder, ordered by version. Files other than `*.cql`
 * (README.md, …) are ignored; a `.cql` file with a bad name, a duplicate version, an empty
 * file or a statement that touches keyspaces is an INVALID_MIGRATION error.
 */
export function readMigrationFiles(cqlDir: string): MigrationFile[] {
  let entries: string[];
  try {
    if (!statSync(cqlDir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(cqlDir);
  } catch (err) {
    throw new MigrationError(
      'INVALID_MIGRATION',
      `cannot read the CQL folder ${cqlDir}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  const files: MigrationFile[] = [];
  const byVersion = new Map<number, string>();
  for (const fileName of entries.filter((entry) => entry.endsWith('.cql')).sort()) {
    const match = FILE_NAME.exec(fileName);
    if (match === null) {
      throw new MigrationError(
        'INVALID_MIGRATION',
        `${join(cqlDir, fileName)}: migration files are named NNN-name.cql (digits, '-', lowercase name), e.g. 001-create-stock.cql`,
      );
    }
    const version = Number(match[1]);
    const other = byVersion.get(version);
    if (other !== undefined) {
      throw new MigrationError(
        'INVALID_MIGRATION',
        `${cqlDir}: ${other} and ${fileName} both have version ${version}`,
      );
    }
    byVersion.set(version, fileName);
    const text = readFileSync(join(cqlDir, fileName), 'utf8').replace(/\r\n?/g, '\n');
    const statements = splitCqlStatements(text, fileName);
    if (statements.length === 0)
      throw new MigrationError('INVALID_MIGRATION', `${fileName}: no CQL statements`);
    const keyspaceStatement = statements.find((statement) => KEYSPACE_STATEMENT.test(statement));
    if (keyspaceStatement !== undefined) {
      throw new MigrationError(
        'INVALID_MIGRATION',
        `${fileName}: keyspace statements are not allowed in migrations (the runner creates and selects the keyspace): ${keyspaceStatement.split('\n')[0]}`,
      );
    }
    files.push({
      version,
      name: match[2] ?? '',
      fileName,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements,
    });
  }
  return files.sort((a, b) => a.version - b.version);
}
