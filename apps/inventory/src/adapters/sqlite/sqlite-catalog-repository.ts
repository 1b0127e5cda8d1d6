import type { Collection, Product } from '@commerce/contracts/inventory';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { CatalogRepository, ProductUpsertResult, UpsertOutcome } from '../../ports/catalog-repository.js';
import { contentHash } from '../content-hash.js';
import { settle } from './settle.js';

export interface SqliteCatalogRepositoryDeps {
  /** An open database on which `migrateInventory` has run. */
  db: SqliteDatabase;
}

const parse = <T>(row: { doc: string }): T => JSON.parse(row.doc) as T;

/** CatalogRepository on SQLite: product documents as JSON, with an SKU → product index. */
export function createSqliteCatalogRepository({ db }: SqliteCatalogRepositoryDeps): CatalogRepository {
  const selectHash = db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM inv_products WHERE id = ?');
  const selectHandleOwner = db.prepare<[string, string], { id: string }>('SELECT id FROM inv_products WHERE handle = ? AND id != ?');
  const selectSkuOwners = db.prepare<[string, string], { sku: string; product_id: string }>(
    'SELECT sku, product_id FROM inv_variants WHERE sku IN (SELECT value FROM json_each(?)) AND product_id != ?',
  );
  const upsertProduct = db.prepare(
    `INSERT INTO inv_products (id, handle, content_hash, doc, created_at, updated_at) VALUES (@id, @handle, @hash, @doc, @now, @now)
     ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, content_hash = excluded.content_hash, doc = excluded.doc,
       updated_at = excluded.updated_at`,
  );
  const deleteVariants = db.prepare('DELETE FROM inv_variants WHERE product_id = ?');
  const insertVariant = db.prepare('INSERT INTO inv_variants (sku, product_id) VALUES (?, ?)');
  const selectCollectionHash = db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM inv_collections WHERE handle = ?');
  const upsertCollection = db.prepare(
    `INSERT INTO inv_collections (handle, content_hash, doc, updated_at) VALUES (@handle, @hash, @doc, @now)
     ON CONFLICT (handle) DO UPDATE SET content_hash = excluded.content_hash, doc = excluded.doc, updated_at = excluded.updated_at`,
  );
  const selectProduct = db.prepare<[string], { doc: string }>('SELECT doc FROM inv_products WHERE id = ?');
  const selectBySkus = db.prepare<[string], { doc: string }>(
    `SELECT doc FROM inv_products WHERE id IN
       (SELECT DISTINCT product_id FROM inv_variants WHERE sku IN (SELECT value FROM json_each(?))) ORDER BY id`,
  );
  const selectSkus = db.prepare<[string, number], { sku: string }>('SELECT sku FROM inv_variants WHERE sku > ? ORDER BY sku LIMIT ?');
  const selectExistingCollections = db.prepare<[string], { handle: string }>(
    'SELECT handle FROM inv_collections WHERE handle IN (SELECT value FROM json_each(?))',
  );
  const selectCollections = db.prepare<[], { doc: string }>('SELECT doc FROM inv_collections ORDER BY handle');
  const selectCounts = db.prepare<[], { products: number; variants: number; collections: number }>(
    `SELECT (SELECT COUNT(*) FROM inv_products) AS products, (SELECT COUNT(*) FROM inv_variants) AS variants,
       (SELECT COUNT(*) FROM inv_collections) AS collections`,
  );

  function upsertOne(product: Product, now: string): ProductUpsertResult {
    const { id } = product;
    const hash = contentHash(product);
    const previous = selectHash.get(id);
    if (previous?.content_hash === hash) return { id, outcome: 'unchanged' };
    const skus = product.variants.map((v) => v.sku);
    if (new Set(skus).size !== skus.length) return { id, outcome: 'rejected', reason: `product ${id} lists an SKU twice` };
    const handleOwner = selectHandleOwner.get(product.handle, id);
    if (handleOwner) return { id, outcome: 'rejected', reason: `handle ${product.handle} belongs to product ${handleOwner.id}` };
    const taken = selectSkuOwners.all(JSON.stringify(skus), id);
    if (taken.length > 0) {
      return { id, outcome: 'rejected', reason: taken.map((t) => `SKU ${t.sku} belongs to product ${t.product_id}`).join('; ') };
    }
    upsertProduct.run({ id, handle: product.handle, hash, doc: JSON.stringify(product), now });
    deleteVariants.run(id);
    for (const sku of skus) insertVariant.run(sku, id);
    return { id, outcome: previous ? 'updated' : 'created' };
  }

  function upsertCollectionOne(collection: Collection, now: string): UpsertOutcome {
    const hash = contentHash(collection);
    const previous = selectCollectionHash.get(collection.handle);
    if (previous?.content_hash === hash) return 'unchanged';
    upsertCollection.run({ handle: collection.handle, hash, doc: JSON.stringify(collection), now });
    return previous ? 'updated' : 'created';
  }

  return {
    upsertProducts: (products, now) => settle(() => inTransaction(db, () => products.map((p) => upsertOne(p, now)))),
    upsertCollections: (collections, now) => settle(() => inTransaction(db, () => collections.map((c) => upsertCollectionOne(c, now)))),
    getProduct: (id) =>
      settle(() => {
        const row = selectProduct.get(id);
        return row ? parse<Product>(row) : null;
      }),
    findProductsBySkus: (skus) => settle(() => selectBySkus.all(JSON.stringify(skus)).map((r) => parse<Product>(r))),
    listSkus: ({ afterSku = '', limit }) => settle(() => selectSkus.all(afterSku, limit).map((r) => r.sku)),
    existingCollections: (handles) => settle(() => selectExistingCollections.all(JSON.stringify(handles)).map((r) => r.handle)),
    listCollections: () => settle(() => selectCollections.all().map((r) => parse<Collection>(r))),
    counts: () => settle(() => selectCounts.get() ?? { products: 0, variants: 0, collections: 0 }),
  };
}
