import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProductSearchQuery } from '@commerce/contracts/inventory';
import { migrate, openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogReadModel } from '../src/ports.js';
import { createSqliteCatalogReadModel, migrateCatalogReadModel } from '../src/sqlite/index.js';
import { buildFixtureCollections, buildFixtureProducts } from '../src/testing/fixture-catalog.js';
import { describeCatalogReadModelContract } from './contract/catalog-read-model.contract.js';
import { referenceSearch } from './contract/reference-catalog-search.js';

/** A fresh, migrated read model on `filename`; teardown closes it and runs `cleanup`. */
function harness(filename: string, cleanup: () => void = () => {}) {
  const db = openDatabase({ filename });
  migrateCatalogReadModel(db);
  return Promise.resolve({
    model: createSqliteCatalogReadModel({ db }),
    teardown: () => {
      db.close();
      cleanup();
      return Promise.resolve();
    },
  });
}

describeCatalogReadModelContract('sqlite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-read-model-'));
  return harness(join(dir, 'commerce.db'), () => rmSync(dir, { recursive: true, force: true }));
});

describeCatalogReadModelContract('sqlite :memory:', () => harness(':memory:'));

describe('SQLite catalog read model', () => {
  const dirs: string[] = [];
  const dbs: SqliteDatabase[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-read-model-'));
    dirs.push(dir);
    return join(dir, 'commerce.db');
  };
  const open = (filename: string) => {
    const db = openDatabase({ filename });
    dbs.push(db);
    return db;
  };
  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const tableNames = (db: SqliteDatabase) =>
    db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((r) => r.name);

  it('migrates idempotently, beside other owners’ tables, with catalog_ names only', () => {
    const file = tempFile();
    const db = open(file);
    migrate(db, 'inventory', [
      {
        version: 1,
        name: 'write side',
        sql: 'CREATE TABLE products (id TEXT PRIMARY KEY, title TEXT)',
      },
    ]);
    db.prepare('INSERT INTO products (id, title) VALUES (?, ?)').run('prod-0001', 'write side row');
    const before = tableNames(db);

    expect(migrateCatalogReadModel(db)).toEqual({
      owner: 'catalog-read-model',
      applied: [1],
      current: 1,
    });
    expect(migrateCatalogReadModel(db)).toEqual({
      owner: 'catalog-read-model',
      applied: [],
      current: 1,
    });
    expect(migrateCatalogReadModel(open(file))).toEqual({
      owner: 'catalog-read-model',
      applied: [],
      current: 1,
    });

    const added = tableNames(db).filter((name) => !before.includes(name));
    expect(added.length).toBeGreaterThan(5);
    expect(added.filter((name) => !name.startsWith('catalog_'))).toEqual([]);
    expect(db.prepare('SELECT title FROM products').all()).toEqual([{ title: 'write side row' }]);
  });

  it('explains a missing migration instead of failing on a raw SQL error', () => {
    const db = open(':memory:');
    expect(() => createSqliteCatalogReadModel({ db })).toThrow(/migrateCatalogReadModel/);
  });

  it('lets a second connection read committed writes without waiting for an open write (WAL)', async () => {
    const file = tempFile();
    const writerDb = open(file);
    migrateCatalogReadModel(writerDb);
    const writer = createSqliteCatalogReadModel({ db: writerDb });
    const reader = createSqliteCatalogReadModel({ db: open(file) });
    const [first, second] = buildFixtureProducts(2);

    await writer.upsertProducts([first!]);
    expect(await reader.getProduct(first!.id)).toEqual(first);

    writerDb.exec('BEGIN IMMEDIATE');
    await writer.upsertProducts([second!]);
    expect((await writer.searchProducts({})).total).toBe(2);
    expect((await reader.searchProducts({})).total).toBe(1);
    expect(await reader.getProduct(second!.id)).toBeNull();
    writerDb.exec('COMMIT');

    expect((await reader.searchProducts({})).total).toBe(2);
    expect(await reader.getProduct(second!.handle)).toEqual(second);
  });

  describe('bad writes change nothing', () => {
    let db: SqliteDatabase;
    let model: CatalogReadModel;
    beforeEach(() => {
      db = open(':memory:');
      migrateCatalogReadModel(db);
      model = createSqliteCatalogReadModel({ db });
    });

    it('rejects a batch holding an unusable product, naming it, and writes none of the batch', async () => {
      const [good, bad] = buildFixtureProducts(2);
      await expect(
        model.upsertProducts([good!, { ...bad!, createdAt: 'last tuesday' }]),
      ).rejects.toThrow(/product prod-0002: createdAt "last tuesday"/);
      await expect(
        model.upsertProducts([{ ...good!, priceMin: { amount: 12.5, currency: 'USD' } }]),
      ).rejects.toThrow(/priceMin\.amount/);
      expect(await model.getProduct(good!.id)).toBeNull();
      expect((await model.searchProducts({})).total).toBe(0);
    });

    it('rejects a handle owned by another product and keeps the previous state', async () => {
      const [a, b, c] = buildFixtureProducts(3);
      await model.upsertProducts([a!, b!]);
      await expect(
        model.upsertProducts([c!, { ...b!, handle: a!.handle, title: 'Renamed' }]),
      ).rejects.toThrow(
        `product ${b!.id}: handle "${a!.handle}" already belongs to product ${a!.id}`,
      );
      expect(await model.getProduct(c!.id)).toBeNull();
      expect(await model.getProduct(b!.handle)).toEqual(b);
      expect(await model.getProduct(a!.handle)).toEqual(a);

      // Handles may move between products written in the same batch.
      await model.upsertProducts([
        { ...a!, handle: b!.handle },
        { ...b!, handle: a!.handle },
      ]);
      expect((await model.getProduct(b!.handle))?.id).toBe(a!.id);
      expect((await model.getProduct(a!.handle))?.id).toBe(b!.id);
    });

    it('keeps the FTS index in step with the products across replaces', async () => {
      const products = buildFixtureProducts(40);
      await model.upsertProducts(products);
      await model.upsertProducts(
        products.map((p, i) => ({ ...p, title: `Renamed ${i % 2 ? 'Lantern' : 'Compass'}` })),
      );
      await model.upsertProducts(products.slice(0, 10));
      const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? -1;
      expect(count('SELECT COUNT(*) AS n FROM catalog_products_fts')).toBe(40);
      expect(count('SELECT COUNT(*) AS n FROM catalog_products')).toBe(40);
      expect(
        count(
          'SELECT COUNT(*) AS n FROM catalog_products p LEFT JOIN catalog_products_fts f ON f.rowid = p.seq WHERE f.rowid IS NULL',
        ),
      ).toBe(0);
      expect(() =>
        db.exec(
          "INSERT INTO catalog_products_fts (catalog_products_fts) VALUES ('integrity-check')",
        ),
      ).not.toThrow();
      expect((await model.searchProducts({ q: 'lantern' })).total).toBe(15);
      expect((await model.searchProducts({ q: 'compass' })).total).toBe(15);
    });
  });

  it('searches 3,000 products with totals and facet counts matching the documents', async () => {
    const db = open(tempFile());
    migrateCatalogReadModel(db);
    const model = createSqliteCatalogReadModel({ db });
    await model.upsertCollections(buildFixtureCollections());
    const products = buildFixtureProducts(3_000);
    for (let i = 0; i < products.length; i += 500)
      await model.upsertProducts(products.slice(i, i + 500));

    const all = await model.searchProducts({});
    expect(all.total).toBe(3_000);
    expect(all.facets.inStock).toEqual(
      [
        { value: 'true', count: products.filter((p) => p.inStock).length },
        { value: 'false', count: products.filter((p) => !p.inStock).length },
      ].sort((a, b) => b.count - a.count),
    );
    const redMedium = products.filter((p) => p.colors.includes('red') && p.sizes.includes('M'));
    expect((await model.searchProducts({ color: ['red'], size: ['M'] })).total).toBe(
      redMedium.length,
    );
    const outerwear = (await model.listCollections()).find((c) => c.handle === 'outerwear');
    expect(outerwear?.productCount).toBe(
      products.filter((p) => p.collections.includes('outerwear')).length,
    );

    const queries: ProductSearchQuery[] = [
      {},
      { color: ['red'], size: ['M'], sort: 'price_asc' },
      { q: 'merino', inStock: true },
      { q: 'waterproof par', supplierType: ['manual', 'dropship-api'] },
      { collection: ['outerwear', 'sale'], minPrice: 5_000, maxPrice: 25_000, sort: 'title_asc' },
      { supplierType: ['manual'], color: ['navy', 'grey'], inStock: false, sort: 'price_desc' },
    ];
    for (const query of queries) {
      const expected = referenceSearch(products, query);
      const result = await model.searchProducts({ ...query, limit: 100 });
      expect(result.total, JSON.stringify(query)).toBe(expected.total);
      expect(result.facets, JSON.stringify(query)).toEqual(expected.facets);
      if (query.q === undefined)
        expect(result.items.map((p) => p.id)).toEqual(expected.ids.slice(0, 100));
      else expect(result.items.every((p) => expected.ids.includes(p.id))).toBe(true);
    }
  });
});
