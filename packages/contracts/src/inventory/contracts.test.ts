import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { HoldStockInputSchema, ProductSearchQuerySchema, SkuSchema } from './schemas.js';
import { adjustStockWorkflowId, importCatalogWorkflowId } from './index.js';

describe('inventory contracts', () => {
  it('accepts well-formed SKUs and rejects hostile ones', () => {
    expect(Value.Check(SkuSchema, 'TEE-0001-BLK-M')).toBe(true);
    expect(Value.Check(SkuSchema, "x'; DROP TABLE stock;--")).toBe(false);
    expect(Value.Check(SkuSchema, '')).toBe(false);
  });

  it('rejects a hold with unknown fields or zero quantity', () => {
    const base = { holdId: 'cart:1:a', owner: 'cart:1', lines: [{ sku: 'AB-1', quantity: 1 }], ttlSeconds: 60 };
    expect(Value.Check(HoldStockInputSchema, base)).toBe(true);
    expect(Value.Check(HoldStockInputSchema, { ...base, extra: 1 })).toBe(false);
    expect(Value.Check(HoldStockInputSchema, { ...base, lines: [{ sku: 'AB-1', quantity: 0 }] })).toBe(false);
  });

  it('bounds search pagination', () => {
    expect(Value.Check(ProductSearchQuerySchema, { limit: 100 })).toBe(true);
    expect(Value.Check(ProductSearchQuerySchema, { limit: 101 })).toBe(false);
  });

  it('derives business-meaningful workflow ids', () => {
    expect(importCatalogWorkflowId('seed')).toBe('catalog-import:seed');
    expect(adjustStockWorkflowId('k1')).toBe('stock-adjustment:k1');
  });
});
