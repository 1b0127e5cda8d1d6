import { describe, expect, it } from 'vitest';
import { parseCatalogLine } from './parse-catalog-line.js';
import { generateProduct } from './generate-product.js';

describe('parseCatalogLine', () => {
  const good = generateProduct(3, 3);

  it('accepts collection and product lines', () => {
    expect(parseCatalogLine(JSON.stringify(good))).toEqual({ value: good });
    const collection = { collection: { handle: 'summer', title: 'Summer', description: '' } };
    expect(parseCatalogLine(JSON.stringify(collection))).toEqual({ value: collection });
  });

  it('explains what is wrong', () => {
    expect(parseCatalogLine('[1]')).toEqual({ error: 'a catalog line must be a JSON object' });
    expect(parseCatalogLine('{"sku": "X"}')).toEqual({ error: 'a catalog line needs a "collection" or a "product" property' });
    const badSku = { ...good, product: { ...good.product, variants: [{ ...good.product.variants[0], sku: 'lower-case' }] } };
    expect(parseCatalogLine(JSON.stringify(badSku))).toMatchObject({ error: expect.stringContaining('/product/variants/0/sku') as unknown });
    const badDate = { ...good, product: { ...good.product, createdAt: 'yesterday' } };
    expect(parseCatalogLine(JSON.stringify(badDate))).toMatchObject({ error: expect.stringContaining('/product/createdAt') as unknown });
    const stranger = { ...good, initialStock: { 'OTHER-SKU': 3 } };
    expect(parseCatalogLine(JSON.stringify(stranger))).toEqual({ error: `initialStock names OTHER-SKU, which is not a variant of ${good.product.id}` });
    const twice = { ...good, product: { ...good.product, variants: [good.product.variants[0], good.product.variants[0]] } };
    expect(parseCatalogLine(JSON.stringify(twice))).toEqual({ error: 'product lists an SKU twice' });
    expect(parseCatalogLine(JSON.stringify({ ...good, extra: true }))).toMatchObject({ error: expect.stringContaining('extra') as unknown });
  });
});
