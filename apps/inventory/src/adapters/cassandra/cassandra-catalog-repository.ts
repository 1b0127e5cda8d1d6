import type { Client } from 'cassandra-driver';
import type { Collection, Product } from '@commerce/contracts/inventory';
import type { CatalogCounts, CatalogRepository, ProductUpsertResult, UpsertOutcome } from '../../ports/catalog-repository.js';
import { contentHash } from '../content-hash.js';
import { optText, text } from './cql-values.js';
import { mapLimit } from './map-limit.js';
import { createSkuListing } from './sku-listing.js';

export interface CassandraCatalogRepositoryDeps {
  /** A client bound to the inventory keyspace (migrated by `migrateDomainKeyspace`). */
  client: Client;
}

const COLLECTIONS = 'all';
const parse = <T>(doc: string): T => JSON.parse(doc) as T;

/**
 * CatalogRepository on Cassandra. A product's handle and SKUs are claimed with lightweight
 * transactions on product_by_handle / variants_by_sku (so two writers can never both own one);
 * the product document is written last — it is the commit point: a product whose write died
 * halfway is retried in full (its hash differs) and re-claims what it already owns.
 */
export function createCassandraCatalogRepository({ client }: CassandraCatalogRepositoryDeps): CatalogRepository {
  if (typeof client.keyspace !== 'string' || client.keyspace === '') {
    throw new Error('createCassandraCatalogRepository needs a client bound to the inventory keyspace');
  }
  const options = { prepare: true } as const;
  const skuListing = createSkuListing(client, 'catalog_skus');

  const one = async (query: string, params: unknown[]) => (await client.execute(query, params, options)).rows[0];

  async function readProduct(id: string): Promise<{ hash: string; product: Product } | null> {
    const row = await one('SELECT content_hash, doc FROM products WHERE id = ?', [id]);
    return row === undefined ? null : { hash: text(row, 'content_hash'), product: parse<Product>(text(row, 'doc')) };
  }

  /** Claims `key` for product `id` in a claim table; returns the other owner when it is taken. */
  async function claim(table: 'product_by_handle' | 'variants_by_sku', column: 'handle' | 'sku', key: string, id: string): Promise<string | null> {
    const result = await client.execute(`INSERT INTO ${table} (${column}, product_id) VALUES (?, ?) IF NOT EXISTS`, [key, id], options);
    if (result.wasApplied()) return null;
    const owner = result.rows[0] === undefined ? null : optText(result.rows[0], 'product_id');
    return owner === id ? null : owner;
  }

  async function release(table: 'product_by_handle' | 'variants_by_sku', column: 'handle' | 'sku', key: string, id: string): Promise<void> {
    await client.execute(`DELETE FROM ${table} WHERE ${column} = ? IF product_id = ?`, [key, id], options);
  }

  async function upsertOne(product: Product, now: string): Promise<ProductUpsertResult> {
    const { id } = product;
    const hash = contentHash(product);
    const previous = await readProduct(id);
    if (previous?.hash === hash) return { id, outcome: 'unchanged' };
    const skus = product.variants.map((v) => v.sku);
    if (new Set(skus).size !== skus.length) return { id, outcome: 'rejected', reason: `product ${id} lists an SKU twice` };

    // Claims: refused when another product holds one; what this call claimed is then given back.
    const previousSkus = new Set(previous?.product.variants.map((v) => v.sku) ?? []);
    const handleOwner = previous?.product.handle === product.handle ? null : await claim('product_by_handle', 'handle', product.handle, id);
    if (handleOwner !== null) return { id, outcome: 'rejected', reason: `handle ${product.handle} belongs to product ${handleOwner}` };
    const newSkus = skus.filter((sku) => !previousSkus.has(sku));
    const owners = await mapLimit(newSkus, 16, (sku) => claim('variants_by_sku', 'sku', sku, id));
    const taken = newSkus.flatMap((sku, i) => (owners[i] ? [`SKU ${sku} belongs to product ${owners[i]}`] : []));
    if (taken.length > 0) {
      const claimed = newSkus.filter((_, i) => owners[i] === null);
      await Promise.all(claimed.map((sku) => release('variants_by_sku', 'sku', sku, id)));
      if (previous?.product.handle !== product.handle) await release('product_by_handle', 'handle', product.handle, id);
      return { id, outcome: 'rejected', reason: taken.join('; ') };
    }

    // What the product no longer has is given back, then the listing, then the document.
    const dropped = [...previousSkus].filter((sku) => !skus.includes(sku));
    await Promise.all(dropped.map((sku) => release('variants_by_sku', 'sku', sku, id)));
    if (previous !== null && previous.product.handle !== product.handle) await release('product_by_handle', 'handle', previous.product.handle, id);
    await skuListing.remove(dropped);
    await skuListing.add(newSkus);
    const doc = JSON.stringify(product);
    if (previous === null) {
      await client.execute(
        'INSERT INTO products (id, handle, content_hash, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, product.handle, hash, doc, new Date(now), new Date(now)],
        options,
      );
    } else {
      await client.execute('UPDATE products SET handle = ?, content_hash = ?, doc = ?, updated_at = ? WHERE id = ?', [product.handle, hash, doc, new Date(now), id], options);
    }
    return { id, outcome: previous ? 'updated' : 'created' };
  }

  async function upsertCollection(collection: Collection, now: string): Promise<UpsertOutcome> {
    const hash = contentHash(collection);
    const row = await one('SELECT content_hash FROM collections WHERE scope = ? AND handle = ?', [COLLECTIONS, collection.handle]);
    const previous = row === undefined ? null : text(row, 'content_hash');
    if (previous === hash) return 'unchanged';
    await client.execute(
      'INSERT INTO collections (scope, handle, content_hash, doc, updated_at) VALUES (?, ?, ?, ?, ?)',
      [COLLECTIONS, collection.handle, hash, JSON.stringify(collection), new Date(now)],
      options,
    );
    return previous === null ? 'created' : 'updated';
  }

  /** Counts rows by paging through a table's keys: O(table), an admin read. */
  async function countRows(query: string, params: unknown[] = []): Promise<number> {
    let count = 0;
    let pageState: string | undefined;
    do {
      const result = await client.execute(query, params, { prepare: true, fetchSize: 5_000, ...(pageState === undefined ? {} : { pageState }) });
      count += result.rowLength;
      pageState = result.pageState ?? undefined;
    } while (pageState !== undefined);
    return count;
  }

  async function readCollections(): Promise<Collection[]> {
    const result = await client.execute('SELECT doc FROM collections WHERE scope = ?', [COLLECTIONS], { prepare: true, fetchSize: 10_000 });
    return result.rows.map((row) => parse<Collection>(text(row, 'doc')));
  }

  return {
    async upsertProducts(products, now) {
      // In input order: a later product sees what an earlier one claimed (as in one transaction).
      const results: ProductUpsertResult[] = [];
      for (const product of products) results.push(await upsertOne(product, now));
      return results;
    },
    async upsertCollections(collections, now) {
      const outcomes: UpsertOutcome[] = [];
      for (const collection of collections) outcomes.push(await upsertCollection(collection, now));
      return outcomes;
    },
    getProduct: async (id) => (await readProduct(id))?.product ?? null,
    async findProductsBySkus(skus) {
      const owners = await mapLimit([...new Set(skus)], 16, async (sku) => {
        const row = await one('SELECT product_id FROM variants_by_sku WHERE sku = ?', [sku]);
        return row === undefined ? null : text(row, 'product_id');
      });
      const ids = [...new Set(owners.filter((id): id is string => id !== null))].sort();
      const products = await mapLimit(ids, 16, async (id) => (await readProduct(id))?.product ?? null);
      // A claim whose product document was not (re)written yet does not count.
      const wanted = new Set(skus);
      return products.filter((p): p is Product => p !== null && p.variants.some((v) => wanted.has(v.sku)));
    },
    listSkus: ({ afterSku = '', limit }) => skuListing.page(afterSku, limit),
    async existingCollections(handles) {
      if (handles.length === 0) return [];
      const result = await client.execute('SELECT handle FROM collections WHERE scope = ? AND handle IN ?', [COLLECTIONS, [...new Set(handles)]], options);
      return result.rows.map((row) => text(row, 'handle'));
    },
    listCollections: readCollections,
    async counts(): Promise<CatalogCounts> {
      const [products, variants, collections] = await Promise.all([
        countRows('SELECT id FROM products'),
        countRows('SELECT sku FROM variants_by_sku'),
        countRows('SELECT handle FROM collections WHERE scope = ?', [COLLECTIONS]),
      ]);
      return { products, variants, collections };
    },
  };
}
