import { describe, expect, it } from 'vitest';
import type { Product } from '@commerce/contracts/inventory';
import { describeSkus } from './sku-description.js';

const product = (id: string, skus: string[], images: Product['images'] = []): Product => ({
  id,
  handle: `${id}-handle`,
  title: `Title ${id}`,
  description: '',
  vendor: 'Vendor',
  supplier: { id: 'sup-1', name: 'Supplier', type: 'simulated' },
  collections: [],
  tags: [],
  images,
  variants: skus.map((sku, i) => ({
    sku,
    options: { color: 'Black', size: `S${i}` },
    price: { amount: 1000 + i, currency: 'USD' },
    ...(i === 0 ? { compareAtPrice: { amount: 2000, currency: 'USD' } } : {}),
    weightGrams: 100 + i,
  })),
  createdAt: '2030-01-01T00:00:00.000Z',
});

describe('describeSkus', () => {
  it('describes known SKUs in the order asked and lists the unknown ones', () => {
    const a = product('prod-a', ['A-1', 'A-2'], [{ url: 'https://img/a1.jpg', alt: 'a1' }, { url: 'https://img/a2.jpg', alt: 'a2' }]);
    const b = product('prod-b', ['B-1']);
    const result = describeSkus(['B-1', 'NOPE-1', 'A-2', 'A-1'], [a, b]);
    expect(result.found.map((d) => d.sku)).toEqual(['B-1', 'A-2', 'A-1']);
    expect(result.unknown).toEqual(['NOPE-1']);
    expect(result.found[1]).toEqual({
      sku: 'A-2',
      productId: 'prod-a',
      handle: 'prod-a-handle',
      title: 'Title prod-a',
      options: { color: 'Black', size: 'S1' },
      image: { url: 'https://img/a1.jpg', alt: 'a1' },
      unitPrice: { amount: 1001, currency: 'USD' },
      weightGrams: 101,
      supplier: { id: 'sup-1', name: 'Supplier', type: 'simulated' },
    });
    expect(result.found[2]?.compareAtPrice).toEqual({ amount: 2000, currency: 'USD' });
    expect(result.found[0]?.image).toBeNull();
  });

  it('answers every SKU unknown when no product carries them', () => {
    expect(describeSkus(['X-1', 'X-2'], [])).toEqual({ found: [], unknown: ['X-1', 'X-2'] });
  });
});
