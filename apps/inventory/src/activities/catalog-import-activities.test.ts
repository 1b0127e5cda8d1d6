import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { InventoryFailure, type CatalogSource } from '@commerce/contracts/inventory';
import { createInventoryStores, type InventoryStores } from '../../test/support/inventory-stores.js';
import { generatedCatalog } from '../catalog/generated-catalog.js';
import { generateProduct } from '../catalog/generate-product.js';
import { createCatalogImportActivities } from './catalog-import-activities.js';

const neverNotified = {
  notifyStockChanged: () => Promise.reject(new Error('an import projects its batch itself; it must not signal the projector')),
};

describe('catalog import activities', () => {
  let stores: InventoryStores;
  let activities: ReturnType<typeof createCatalogImportActivities>;

  beforeEach(() => {
    stores = createInventoryStores('inventory-import-');
    activities = createCatalogImportActivities(stores.deps(neverNotified));
  });
  afterEach(() => stores.temp.cleanup());

  async function importAll(source: CatalogSource, batchSize: number) {
    const { total } = await activities.countCatalogSource({ source });
    const totals = { processed: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] as { line: number; message: string }[] };
    for (let offset = 0; offset < total; offset += batchSize) {
      const r = await activities.importCatalogBatch({ importId: 'test', source, offset, limit: batchSize });
      totals.processed += r.processed;
      totals.created += r.created;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
      totals.rejected += r.rejected;
      totals.errors.push(...r.errors);
    }
    return { total, ...totals };
  }

  it('imports a generated catalog with opening stock and projects it; a second import changes nothing', async () => {
    const source = { kind: 'generated', seed: 5, scale: 0.01 } as const;
    const first = await importAll(source, 20);
    expect(first).toMatchObject({ total: 72, processed: 72, created: 72, updated: 0, unchanged: 0, rejected: 0 });

    const { product, initialStock } = generateProduct(5, 3);
    const view = await stores.readModel.getProduct(product.id);
    expect(view?.variants.map((v) => v.available)).toEqual(product.variants.map((v) => initialStock[v.sku]));
    expect((await stores.readModel.listCollections()).length).toBe(45);
    const sku = product.variants[0]!.sku;
    const { stock } = stores;
    expect(await stock.getLevel(sku)).toMatchObject({ onHand: initialStock[sku], lowStockThreshold: 5 });
    expect(await stores.readModel.getStockLevel(sku)).toMatchObject({ sku, productId: product.id, onHand: initialStock[sku] });

    // Stock moves between the imports; re-importing must not reset it.
    await stock.adjust({ adjustmentId: 'a1', sku, onHand: 99, reason: 'recount', actor: 'test' }, new Date().toISOString());
    const second = await importAll(source, 25);
    expect(second).toMatchObject({ processed: 72, created: 0, updated: 0, unchanged: 72, rejected: 0 });
    expect(await stock.getLevel(sku)).toMatchObject({ onHand: 99, available: 99 });
    expect(await stores.readModel.getStockLevel(sku)).toMatchObject({ onHand: 99 });
  });

  it('rejects bad file lines with their line numbers and imports the rest', async () => {
    const catalog = generatedCatalog(9, 0.01);
    const lines = Array.from({ length: catalog.total }, (_, i) => JSON.stringify(catalog.line(i)));
    const orphan = generateProduct(9, 500);
    lines.push(JSON.stringify({ ...orphan, product: { ...orphan.product, collections: ['no-such-collection'] } }));
    lines[50] = '{"product": 42}';
    const thief = generateProduct(9, 501);
    const stolenSku = generateProduct(9, 0).product.variants[0]!.sku;
    lines.push(JSON.stringify({ product: { ...thief.product, variants: [{ ...thief.product.variants[0]!, sku: stolenSku }] }, initialStock: {} }));
    const file = join(stores.temp.dir, 'catalog.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const result = await importAll({ kind: 'file', path: file }, 30);
    expect(result.total).toBe(catalog.total + 2);
    expect(result.rejected).toBe(3);
    expect(result.created).toBe(catalog.total - 1);
    expect(result.errors.map((e) => e.line)).toEqual([51, catalog.total + 1, catalog.total + 2]);
    expect(result.errors[0]?.message).toMatch(/\/product/);
    expect(result.errors[1]?.message).toBe('unknown collection(s): no-such-collection');
    expect(result.errors[2]?.message).toContain(stolenSku);
    expect(await stores.readModel.getProduct(orphan.product.id)).toBeNull();
  });

  it('refuses a source it cannot read as a non-retryable InvalidCatalogSource failure', async () => {
    const failure = await activities
      .countCatalogSource({ source: { kind: 'file', path: join(stores.temp.dir, 'missing.ndjson') } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: InventoryFailure.InvalidCatalogSource, nonRetryable: true });
    const invalid = await activities.countCatalogSource({ source: { kind: 'generated', seed: -1, scale: 1 } }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ type: InventoryFailure.InvalidInput, nonRetryable: true });
  });
});
