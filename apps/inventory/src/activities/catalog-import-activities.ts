import { CatalogSourceSchema, ImportCatalogBatchInputSchema } from '@commerce/contracts/inventory/schemas';
import type {
  CatalogCollectionLine,
  CatalogProductInput,
  ImportCatalogBatchResult,
  InventoryActivities,
} from '@commerce/contracts/inventory';
import { nowIso, type InventoryActivityDeps } from './activity-deps.js';
import { requireValid, withInventoryFailures } from './inventory-failure.js';
import { createStockProjection } from './stock-projection.js';

type ImportActivities = Pick<InventoryActivities, 'countCatalogSource' | 'importCatalogBatch'>;

interface Numbered<T> {
  line: number;
  value: T;
}

/**
 * Catalog import: a batch is read from its source, validated line by line, written to the
 * catalog (idempotent by content hash), given opening stock for SKUs that have none, and projected.
 */
export function createCatalogImportActivities(deps: InventoryActivityDeps): ImportActivities {
  const { catalog, stock, readModel, catalogSources } = deps;
  const project = createStockProjection(deps);

  async function importBatch(input: unknown): Promise<ImportCatalogBatchResult> {
    const { source, offset, limit } = requireValid(ImportCatalogBatchInputSchema, input, 'import batch');
    const entries = await catalogSources.open(source).read(offset, limit);
    const now = nowIso(deps);
    const errors: ImportCatalogBatchResult['errors'] = [];
    const collections: Numbered<CatalogCollectionLine>[] = [];
    const candidates: Numbered<CatalogProductInput>[] = [];
    for (const entry of entries) {
      if ('error' in entry) errors.push({ line: entry.line, message: entry.error });
      else if ('collection' in entry.value) collections.push({ line: entry.line, value: entry.value });
      else candidates.push({ line: entry.line, value: entry.value });
    }

    const collectionOutcomes = await catalog.upsertCollections(collections.map((c) => c.value.collection), now);
    const referenced = [...new Set(candidates.flatMap((c) => c.value.product.collections))];
    const known = new Set(await catalog.existingCollections(referenced));
    const products = candidates.filter((c) => {
      const missing = c.value.product.collections.filter((h) => !known.has(h));
      if (missing.length > 0) errors.push({ line: c.line, message: `unknown collection(s): ${missing.join(', ')}` });
      return missing.length === 0;
    });
    const results = await catalog.upsertProducts(products.map((p) => p.value.product), now);
    const accepted = products.filter((p, i) => {
      const result = results[i];
      if (result?.outcome === 'rejected') errors.push({ line: p.line, message: result.reason });
      return result !== undefined && result.outcome !== 'rejected';
    });

    await stock.initializeStock(
      accepted.flatMap(({ value }) =>
        value.product.variants.map((v) => ({ sku: v.sku, onHand: value.initialStock[v.sku] ?? 0, lowStockThreshold: deps.lowStockThreshold })),
      ),
      now,
    );
    if (collections.length > 0) await readModel.upsertCollections(collections.map((c) => c.value.collection));
    await project(accepted.flatMap(({ value }) => value.product.variants.map((v) => v.sku)));

    const outcomes = [...collectionOutcomes, ...results.map((r) => r.outcome)];
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    return {
      processed: entries.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: errors.length,
      errors: errors.sort((a, b) => a.line - b.line),
    };
  }

  return {
    countCatalogSource: withInventoryFailures(async ({ source }) => {
      const valid = requireValid(CatalogSourceSchema, source, 'catalog source');
      return { total: await catalogSources.open(valid).count() };
    }),
    importCatalogBatch: withInventoryFailures(importBatch),
  };
}
