import { describe, expect, it } from 'vitest';
import { CatalogLineSchema } from '@commerce/contracts/inventory/schemas';
import type { CatalogProductInput } from '@commerce/contracts/inventory';
import { schemaProblems } from '@commerce/activity-kit/schema-check';
import { DEFAULT_CATALOG_SEED, GENERATED_COLLECTIONS, generatedCatalog } from './generated-catalog.js';
import { generateProduct } from './generate-product.js';
import { createPrng } from './prng.js';

describe('prng', () => {
  it('is deterministic per seed and spreads values', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const draws = Array.from({ length: 1_000 }, () => a.next());
    expect(Array.from({ length: 1_000 }, () => b.next())).toEqual(draws);
    expect(createPrng(43).next()).not.toBe(draws[0]);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(createPrng(1).sample(['a', 'b', 'c', 'd'], 3)).toHaveLength(3);
  });
});

describe('generated catalog at scale 1', () => {
  const catalog = generatedCatalog(DEFAULT_CATALOG_SEED, 1);
  const lines = Array.from({ length: catalog.total }, (_, i) => catalog.line(i));
  const products = lines.filter((l): l is CatalogProductInput => 'product' in l);
  const collections = lines.flatMap((l) => ('collection' in l ? [l.collection.handle] : []));

  it('has at least 2,700 products in at least 40 collections, every line valid', () => {
    expect(products.length).toBeGreaterThanOrEqual(2_700);
    expect(collections.length).toBeGreaterThanOrEqual(40);
    const invalid = lines.map((l, i) => [i, schemaProblems(CatalogLineSchema, l)] as const).filter(([, p]) => p.length > 0);
    expect(invalid.slice(0, 3)).toEqual([]);
    const known = new Set(collections);
    expect(products.filter((p) => p.product.collections.some((c) => !known.has(c)))).toEqual([]);
    for (const handle of collections) expect(products.some((p) => p.product.collections.includes(handle))).toBe(true);
  });

  it('has unique ids, handles and SKUs, and colour/size variants', () => {
    const skus = products.flatMap((p) => p.product.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(products.map((p) => p.product.handle)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.product.id)).size).toBe(products.length);
    expect(products.filter((p) => new Set(p.product.variants.map((v) => v.options.color)).size > 1).length).toBeGreaterThan(1_000);
    expect(products.filter((p) => new Set(p.product.variants.map((v) => v.options.size)).size > 1).length).toBeGreaterThan(1_000);
  });

  it('mixes supplier types, discounts and stock situations', () => {
    const types = new Set(products.map((p) => p.product.supplier.type));
    expect([...types].sort()).toEqual(['dropship-api', 'manual', 'simulated']);
    expect(products.filter((p) => p.product.variants.some((v) => v.compareAtPrice)).length).toBeGreaterThan(200);
    const stock = products.flatMap((p) => Object.values(p.initialStock));
    expect(stock.filter((n) => n === 0).length).toBeGreaterThan(100);
    expect(stock.filter((n) => n > 0 && n <= 5).length).toBeGreaterThan(100);
    expect(products.filter((p) => Object.values(p.initialStock).every((n) => n === 0)).length).toBeGreaterThan(20);
    for (const p of products.slice(0, 50)) {
      for (const v of p.product.variants) {
        expect(v.price.currency).toBe('USD');
        expect(Number.isInteger(v.price.amount)).toBe(true);
        if (v.compareAtPrice) expect(v.compareAtPrice.amount).toBeGreaterThan(v.price.amount);
      }
    }
  });

  it('is the same catalog on every run', () => {
    const again = generatedCatalog(DEFAULT_CATALOG_SEED, 1);
    expect(again.line(1_234)).toEqual(lines[1_234]);
    expect(generatedCatalog(DEFAULT_CATALOG_SEED + 1, 1).line(1_234)).not.toEqual(lines[1_234]);
  });
});

describe('generated catalog at other scales', () => {
  it('scales down for tests and up beyond 100,000 products without generating everything', () => {
    const small = generatedCatalog(DEFAULT_CATALOG_SEED, 0.01);
    const large = generatedCatalog(DEFAULT_CATALOG_SEED, 40);
    const collections = GENERATED_COLLECTIONS.length;
    expect(large.total - collections).toBeGreaterThanOrEqual(100_000);
    expect(small.total).toBe(collections + 27);
    // Product i is the same whatever the scale, and the last line of a huge catalog is cheap.
    expect(large.line(50)).toEqual(small.line(50));
    const last = large.line(large.total - 1);
    expect(schemaProblems(CatalogLineSchema, last)).toEqual([]);
    expect(generateProduct(DEFAULT_CATALOG_SEED, 107_999).product.id).toBe('prod-107999');
    expect(() => small.line(small.total)).toThrow(RangeError);
  });
});
