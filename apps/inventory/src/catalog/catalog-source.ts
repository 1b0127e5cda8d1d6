import type { CatalogLine } from '@commerce/contracts/inventory';

/** One item read from a catalog source: a valid line, or why line `line` was rejected. */
export type CatalogEntry = { line: number; value: CatalogLine } | { line: number; error: string };

/**
 * A catalog source as an indexable sequence of lines (collections first, then products), so an
 * import can read batch [offset, offset + limit) without holding the catalog in memory.
 */
export interface CatalogSourceReader {
  count(): Promise<number>;
  read(offset: number, limit: number): Promise<CatalogEntry[]>;
}
