import { describe, expect, it } from 'vitest';
import type { Product, StockLevel } from '@commerce/contracts/inventory';
import { buildProductView, buildStockLevelView } from './product-view.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const product: Product = {
  id: 'prod-000001',
  handle: 'everyday-tee-1',
  title: 'Everyday Tee',
  description: 'A tee.',
  vendor: 'Fieldnote',
  supplier: { id: 'sup-a', name: 'Supplier A', type: 'manual' },
  collections: ['t-shirts'],
  tags: ['apparel'],
  images: [{ url: '/images/everyday-tee-1-1.jpg', alt: 'Everyday Tee' }],
  variants: [
    { sku: 'TEE-1-BLK-S', options: { color: 'Black', size: 'S' }, price: usd(2_500), weightGrams: 200 },
    { sku: 'TEE-1-BLK-L', options: { color: 'Black', size: 'L' }, price: usd(2_900), compareAtPrice: usd(3_900), weightGrams: 210 },
    { sku: 'TEE-1-WHT-S', options: { color: 'White', size: 'S' }, price: usd(2_400), weightGrams: 200 },
  ],
  createdAt: '2024-01-01T00:00:00.000Z',
};

describe('buildProductView', () => {
  it('derives options, price range and availability from variants and stock', () => {
    const view = buildProductView(product, new Map([['TEE-1-BLK-S', 3], ['TEE-1-BLK-L', 0]]), '2030-01-01T00:00:00.000Z');
    expect(view.colors).toEqual(['Black', 'White']);
    expect(view.sizes).toEqual(['S', 'L']);
    expect(view.priceMin).toEqual(usd(2_400));
    expect(view.priceMax).toEqual(usd(2_900));
    expect(view.available).toBe(3);
    expect(view.inStock).toBe(true);
    expect(view.variants.map((v) => [v.sku, v.available, v.inStock])).toEqual([
      ['TEE-1-BLK-S', 3, true],
      ['TEE-1-BLK-L', 0, false],
      ['TEE-1-WHT-S', 0, false],
    ]);
    expect(view.variants[1]?.compareAtPrice).toEqual(usd(3_900));
    expect(view.variants[0]).not.toHaveProperty('compareAtPrice');
    expect(view.updatedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(view.createdAt).toBe(product.createdAt);
  });

  it('is out of stock when no variant has units', () => {
    const view = buildProductView(product, new Map(), '2030-01-01T00:00:00.000Z');
    expect(view.inStock).toBe(false);
    expect(view.available).toBe(0);
  });
});

describe('buildStockLevelView', () => {
  it('copies the counters and flags low stock', () => {
    const level: StockLevel = {
      sku: 'TEE-1-BLK-S',
      onHand: 9,
      available: 4,
      held: 2,
      confirmed: 2,
      allocated: 1,
      lowStockThreshold: 5,
      lowStock: true,
      version: 7,
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    expect(buildStockLevelView(level, 'prod-000001', 3, '2030-01-02T00:00:00.000Z')).toEqual({
      sku: 'TEE-1-BLK-S',
      productId: 'prod-000001',
      onHand: 9,
      available: 4,
      held: 2,
      confirmed: 2,
      allocated: 1,
      lowStockThreshold: 5,
      lowStock: true,
      activeHolds: 3,
      projectedAt: '2030-01-02T00:00:00.000Z',
    });
  });
});
