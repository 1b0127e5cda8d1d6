import { stat } from 'node:fs/promises';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { InventoryError } from '../domain/inventory-error.js';
import type { CatalogEntry, CatalogSourceReader } from './catalog-source.js';
import { parseCatalogLine } from './parse-catalog-line.js';
import { readLines } from './read-lines.js';

/** Where item `item` (0-based, blank lines skipped) starts in the file. */
interface Checkpoint {
  item: number;
  byte: number;
  line: number;
}

interface FileIndex {
  total: number;
  checkpoints: Checkpoint[];
}

/** A checkpoint every this many items keeps reading a batch from the middle of a large file cheap. */
const CHECKPOINT_EVERY = 1_000;

const isBlank = (text: string): boolean => text.trim() === '';

async function buildIndex(path: string): Promise<FileIndex> {
  const checkpoints: Checkpoint[] = [];
  let total = 0;
  for await (const { line, byte, text } of readLines(path)) {
    if (isBlank(text)) continue;
    if (total % CHECKPOINT_EVERY === 0) checkpoints.push({ item: total, byte, line });
    total++;
  }
  return { total, checkpoints };
}

/**
 * Indexes of NDJSON catalog files, cached per (path, size, mtime) so the batches of one import
 * do not rescan the file from the start.
 */
export function createFileIndexCache(maxEntries = 8) {
  const cache = new Map<string, Promise<FileIndex>>();
  return async (path: string): Promise<FileIndex> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new InventoryError(InventoryFailure.InvalidCatalogSource, `cannot read catalog file ${path}: ${(error as Error).message}`, { path });
    }
    if (!info.isFile()) throw new InventoryError(InventoryFailure.InvalidCatalogSource, `catalog source ${path} is not a file`, { path });
    const key = `${path}\u0000${info.size}\u0000${info.mtimeMs}`;
    let index = cache.get(key);
    if (!index) {
      index = buildIndex(path);
      cache.set(key, index);
      index.catch(() => cache.delete(key));
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    }
    return index;
  };
}

export type FileIndexCache = ReturnType<typeof createFileIndexCache>;

/** An NDJSON file as a catalog source: each non-blank line validated on its own, with its line number. */
export function createFileCatalogSource(path: string, indexes: FileIndexCache): CatalogSourceReader {
  return {
    async count() {
      return (await indexes(path)).total;
    },
    async read(offset, limit) {
      const { total, checkpoints } = await indexes(path);
      if (offset >= total) return [];
      const from = checkpoints[Math.floor(offset / CHECKPOINT_EVERY)] as Checkpoint;
      const entries: CatalogEntry[] = [];
      let item = from.item;
      for await (const { line, text } of readLines(path, from.byte, from.line)) {
        if (isBlank(text)) continue;
        if (item >= offset) entries.push({ line, ...parseCatalogLine(text) });
        item++;
        if (item >= offset + limit) break;
      }
      return entries;
    },
  };
}
