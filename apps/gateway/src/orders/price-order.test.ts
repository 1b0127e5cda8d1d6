import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogReadModel } from '@commerce/catalog-search';
import { createSqliteCatalogReadModel, migrateCatalogReadModel } from '@commerce/catalog-search/sqlite';
import {
  buildFixtureProducts,
  buildFixtureStockLevels,
  fixtureProduct,
} from '@commerce/catalog-search/testing';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblem } from '../errors/http-problem.js';
import { priceOrder } from './price-order.js';

/** Pricing against the real SQLite catalog read model, seeded with the fixture catalog. */
describe('priceOrder', () => {
  let dir: string;
  let db: SqliteDatabase;
  let catalog: CatalogReadModel;
  const products = buildFixtureProducts(8);
  const euro = fixtureProduct({
    id: 'prod-euro',
    title: 'Euro Tee',
    currency: 'EUR',
    variants: [{ color: 'black', size: 'M', price: 2_000, available: 5 }],
  });
  const [a, b] = [products[0]!, products[1]!];
  const skuA = a.variants[0]!;
  const skuB = b.variants[b.variants.length - 1]!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-price-'));
    db = openDatabase({ filename: join(dir, 'commerce.db') });
    migrateCatalogReadModel(db);
    catalog = createSqliteCatalogReadModel({ db });
    await catalog.upsertProducts([...products, euro]);
    await catalog.upsertStockLevels(buildFixtureStockLevels([...products, euro]));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const problemOf = async (promise: Promise<unknown>): Promise<HttpProblem> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof HttpProblem) return error;
      throw error;
    }
    throw new Error('expected a problem');
  };

  it('prices each line from the catalog, merges repeated SKUs, and totals without discount, shipping or tax', async () => {
    const priced = await priceOrder(catalog, [
      { sku: skuA.sku, quantity: 2 },
      { sku: skuB.sku, quantity: 1 },
      { sku: skuA.sku, quantity: 3 },
    ]);
    expect(priced.lines).toEqual([
      {
        sku: skuA.sku,
        quantity: 5,
        unitPrice: skuA.price,
        title: `${a.title} (${skuA.options.color} / ${skuA.options.size})`,
        productId: a.id,
        supplier: a.supplier,
      },
      {
        sku: skuB.sku,
        quantity: 1,
        unitPrice: skuB.price,
        title: `${b.title} (${skuB.options.color} / ${skuB.options.size})`,
        productId: b.id,
        supplier: b.supplier,
      },
    ]);
    const subtotal = 5 * skuA.price.amount + skuB.price.amount;
    expect(priced.totals).toEqual({
      subtotal: { amount: subtotal, currency: 'USD' },
      discount: { amount: 0, currency: 'USD' },
      shipping: { amount: 0, currency: 'USD' },
      tax: { amount: 0, currency: 'USD' },
      total: { amount: subtotal, currency: 'USD' },
    });
  });

  it('names every unknown SKU with its position in the request', async () => {
    const problem = await problemOf(
      priceOrder(catalog, [
        { sku: 'NOPE-1', quantity: 1 },
        { sku: skuA.sku, quantity: 1 },
        { sku: 'NOPE-2', quantity: 1 },
      ]),
    );
    expect(problem.code).toBe('unknown_sku');
    expect(problem.errors).toEqual([
      { path: '/body/items/0/sku', message: 'unknown SKU' },
      { path: '/body/items/2/sku', message: 'unknown SKU' },
    ]);
  });

  it('refuses lines in several currencies and more than 10,000 units of one SKU', async () => {
    const currencies = await problemOf(
      priceOrder(catalog, [
        { sku: skuA.sku, quantity: 1 },
        { sku: euro.variants[0]!.sku, quantity: 1 },
      ]),
    );
    expect(currencies.code).toBe('invalid_order');
    expect(currencies.detail).toContain('EUR');
    const tooMany = await problemOf(
      priceOrder(catalog, [
        { sku: skuA.sku, quantity: 6_000 },
        { sku: skuA.sku, quantity: 5_000 },
      ]),
    );
    expect(tooMany.code).toBe('invalid_order');
    expect(tooMany.errors).toEqual([
      { path: '/body/items/0/quantity', message: 'must be <= 10000 in total for this SKU' },
    ]);
  });
});
