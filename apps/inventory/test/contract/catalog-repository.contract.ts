import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '@commerce/contracts/inventory';
import { generateProduct } from '../../src/catalog/generate-product.js';
import type { CatalogRepository } from '../../src/ports/catalog-repository.js';

export interface CatalogRepositoryHarness {
  repo: CatalogRepository;
  close(): void | Promise<void>;
}

const NOW = '2030-01-01T00:00:00.000Z';
const product = (index: number): Product => generateProduct(7, index).product;

/** The CatalogRepository contract, run by every adapter against a real store. */
export function describeCatalogRepositoryContract(adapter: string, createHarness: () => CatalogRepositoryHarness | Promise<CatalogRepositoryHarness>): void {
  describe(`CatalogRepository contract (${adapter})`, () => {
    let harness: CatalogRepositoryHarness;
    let repo: CatalogRepository;

    beforeEach(async () => {
      harness = await createHarness();
      repo = harness.repo;
    });
    afterEach(async () => harness.close());

    it('creates, then reports unchanged content as unchanged and changed content as updated', async () => {
      const [a, b] = [product(1), product(2)];
      expect(await repo.upsertProducts([a, b], NOW)).toEqual([
        { id: a.id, outcome: 'created' },
        { id: b.id, outcome: 'created' },
      ]);
      expect(await repo.upsertProducts([a, b], NOW)).toEqual([
        { id: a.id, outcome: 'unchanged' },
        { id: b.id, outcome: 'unchanged' },
      ]);
      const renamed = { ...a, title: `${a.title} (2nd edition)` };
      expect(await repo.upsertProducts([renamed], NOW)).toEqual([{ id: a.id, outcome: 'updated' }]);
      expect(await repo.getProduct(a.id)).toEqual(renamed);
      expect(await repo.getProduct('prod-missing')).toBeNull();
    });

    it('sees the same content with keys in another order as unchanged', async () => {
      const a = product(3);
      await repo.upsertProducts([a], NOW);
      const reordered = Object.fromEntries(Object.entries(a).reverse()) as Product;
      expect(await repo.upsertProducts([reordered], NOW)).toEqual([{ id: a.id, outcome: 'unchanged' }]);
    });

    it('rejects a product whose handle or SKU belongs to another, and still writes the rest', async () => {
      const [a, b, c] = [product(4), product(5), product(6)];
      await repo.upsertProducts([a], NOW);
      const skuThief = { ...b, variants: [{ ...b.variants[0]!, sku: a.variants[0]!.sku }] };
      const handleThief = { ...c, handle: a.handle };
      const results = await repo.upsertProducts([skuThief, handleThief, product(7)], NOW);
      expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'created']);
      expect(results[0]).toMatchObject({ reason: expect.stringContaining(a.variants[0]!.sku) as unknown });
      expect(results[1]).toMatchObject({ reason: expect.stringContaining(a.handle) as unknown });
      expect(await repo.getProduct(b.id)).toBeNull();
      expect((await repo.counts()).products).toBe(2);
    });

    it('moves SKUs with the product when its variants change', async () => {
      const a = product(8);
      await repo.upsertProducts([a], NOW);
      const [first, ...rest] = a.variants;
      const trimmed = { ...a, variants: rest.length > 0 ? rest : [{ ...first!, sku: `${first!.sku}-X` }] };
      await repo.upsertProducts([trimmed], NOW);
      expect(await repo.findProductsBySkus([first!.sku])).toEqual([]);
      const other = product(9);
      const adopter = { ...other, variants: [...other.variants, { ...first! }] };
      expect((await repo.upsertProducts([adopter], NOW))[0]?.outcome).toBe('created');
    });

    it('finds the distinct products of some SKUs and pages through SKUs', async () => {
      const [a, b] = [product(10), product(11)];
      await repo.upsertProducts([a, b], NOW);
      const skus = [a.variants[0]!.sku, a.variants.at(-1)!.sku, b.variants[0]!.sku, 'NOT-A-SKU'];
      expect((await repo.findProductsBySkus(skus)).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
      const all = [...a.variants, ...b.variants].map((v) => v.sku).sort();
      const first = await repo.listSkus({ limit: 3 });
      const rest = await repo.listSkus({ afterSku: first.at(-1), limit: 1_000 });
      expect([...first, ...rest]).toEqual(all);
      expect(await repo.counts()).toEqual({ products: 2, variants: all.length, collections: 0 });
    });

    it('upserts collections idempotently', async () => {
      const summer = { handle: 'summer', title: 'Summer', description: 'Sun.' };
      const winter = { handle: 'winter', title: 'Winter', description: 'Snow.' };
      expect(await repo.upsertCollections([summer, winter], NOW)).toEqual(['created', 'created']);
      expect(await repo.upsertCollections([summer, { ...winter, title: 'Deep Winter' }], NOW)).toEqual(['unchanged', 'updated']);
      expect(await repo.listCollections()).toEqual([summer, { ...winter, title: 'Deep Winter' }]);
      expect((await repo.existingCollections(['summer', 'autumn'])).sort()).toEqual(['summer']);
      expect((await repo.counts()).collections).toBe(2);
    });
  });
}
