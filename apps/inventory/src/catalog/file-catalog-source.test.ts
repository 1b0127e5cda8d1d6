import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { createFileCatalogSource, createFileIndexCache } from './file-catalog-source.js';
import { generatedCatalog } from './generated-catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'catalog-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file catalog source', () => {
  const catalog = generatedCatalog(11, 1);
  const lines = Array.from({ length: catalog.total }, (_, i) => JSON.stringify(catalog.line(i)));
  // Damage three lines and add blank ones: line numbers must still point at the right place.
  lines[3] = '{"collection": {"handle": "Bad Handle", "title": "x", "description": ""}}';
  lines[1_500] = '{not json';
  lines[2_100] = JSON.stringify({ product: { id: 'prod-x' }, initialStock: {} });
  const text = `${lines.slice(0, 10).join('\n')}\n\n  \n${lines.slice(10).join('\r\n')}\n`;
  const file = join(dir, 'catalog.ndjson');
  writeFileSync(file, text);
  const source = createFileCatalogSource(file, createFileIndexCache());

  it('counts non-blank lines', async () => {
    expect(await source.count()).toBe(catalog.total);
  });

  it('reads any batch, validating each line and reporting physical line numbers', async () => {
    const first = await source.read(0, 12);
    expect(first.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14]);
    expect(first[3]).toMatchObject({ line: 4, error: expect.stringMatching(/collection\/handle/) as unknown });
    expect(first[0]).toEqual({ line: 1, value: catalog.line(0) });

    const middle = await source.read(1_495, 10);
    expect(middle).toHaveLength(10);
    const broken = middle.find((e) => 'error' in e);
    expect(broken).toMatchObject({ line: 1_503, error: expect.stringMatching(/^invalid JSON/) as unknown });
    expect(middle[0]).toEqual({ line: 1_498, value: catalog.line(1_495) });

    const late = await source.read(2_100, 1);
    expect(late[0]).toMatchObject({ line: 2_103, error: expect.stringMatching(/product/) as unknown });
    const tail = await source.read(catalog.total - 2, 100);
    expect(tail).toEqual([
      { line: catalog.total + 1, value: catalog.line(catalog.total - 2) },
      { line: catalog.total + 2, value: catalog.line(catalog.total - 1) },
    ]);
    expect(await source.read(catalog.total, 10)).toEqual([]);
  });

  it('refuses a missing file as an invalid source', async () => {
    const missing = createFileCatalogSource(join(dir, 'missing.ndjson'), createFileIndexCache());
    await expect(missing.count()).rejects.toMatchObject({ type: InventoryFailure.InvalidCatalogSource });
  });
});
