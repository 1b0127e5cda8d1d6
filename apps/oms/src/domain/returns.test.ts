import { describe, expect, it } from 'vitest';
import type { OrderLine } from '@commerce/contracts/common';
import type { OrderReturn, SupplierOrderView } from '@commerce/contracts/oms';
import { everythingReturned, openReturns, refundAmount, returnRequestProblem, returnableQuantities } from './returns.js';

const line = (sku: string, quantity: number, price: number, supplier = 'acme'): OrderLine => ({
  sku,
  quantity,
  unitPrice: { amount: price, currency: 'USD' },
  title: sku,
  productId: `prod-${sku.toLowerCase()}`,
  supplier: { id: supplier, name: supplier, type: 'simulated' },
});
const LINES = [line('TEE-1', 2, 2_500), line('CAP-1', 1, 1_800, 'north')];
const supplierOrder = (status: SupplierOrderView['status'], lines: { sku: string; quantity: number }[]) => ({ status, lines });
const DELIVERED = [supplierOrder('delivered', [{ sku: 'TEE-1', quantity: 2 }]), supplierOrder('delivered', [{ sku: 'CAP-1', quantity: 1 }])];
const ret = (returnId: string, status: OrderReturn['status'], lines: { sku: string; quantity: number }[]) => ({ returnId, status, lines });

describe('returns', () => {
  it('may return what was delivered minus every return not denied', () => {
    expect(returnableQuantities(DELIVERED, [ret('r1', 'refunded', [{ sku: 'TEE-1', quantity: 1 }]), ret('r2', 'denied', [{ sku: 'CAP-1', quantity: 1 }])])).toEqual(
      new Map([
        ['TEE-1', 1],
        ['CAP-1', 1],
      ]),
    );
    // Only delivered supplier orders count.
    expect(returnableQuantities([supplierOrder('shipped', [{ sku: 'TEE-1', quantity: 2 }])], [])).toEqual(new Map());
  });

  it('refuses a request beyond it, an unknown or repeated SKU, and a reused return id', () => {
    const existing = [ret('r1', 'approved', [{ sku: 'TEE-1', quantity: 1 }])];
    expect(returnRequestProblem({ returnId: 'r2', lines: [{ sku: 'TEE-1', quantity: 1 }] }, DELIVERED, existing)).toBeNull();
    expect(returnRequestProblem({ returnId: 'r2', lines: [{ sku: 'TEE-1', quantity: 2 }] }, DELIVERED, existing)).toMatch(/TEE-1: 2 requested, only 1/);
    expect(returnRequestProblem({ returnId: 'r2', lines: [{ sku: 'HAT-9', quantity: 1 }] }, DELIVERED, existing)).toMatch(/HAT-9 has no delivered units/);
    expect(returnRequestProblem({ returnId: 'r2', lines: [{ sku: 'CAP-1', quantity: 1 }, { sku: 'CAP-1', quantity: 1 }] }, DELIVERED, existing)).toMatch(/listed twice/);
    expect(returnRequestProblem({ returnId: 'r1', lines: [{ sku: 'CAP-1', quantity: 1 }] }, DELIVERED, existing)).toMatch(/r1 already exists/);
  });

  it('refunds only the returned lines at the unit price charged', () => {
    expect(refundAmount(LINES, [{ sku: 'TEE-1', quantity: 1 }], 'USD')).toEqual({ amount: 2_500, currency: 'USD' });
    expect(refundAmount(LINES, [{ sku: 'TEE-1', quantity: 2 }, { sku: 'CAP-1', quantity: 1 }], 'USD')).toEqual({ amount: 6_800, currency: 'USD' });
  });

  it('knows when everything came back, and which returns are open', () => {
    const partial = [ret('r1', 'refunded', [{ sku: 'TEE-1', quantity: 2 }])];
    expect(everythingReturned(LINES, partial)).toBe(false);
    expect(everythingReturned(LINES, [...partial, ret('r2', 'received', [{ sku: 'CAP-1', quantity: 1 }])])).toBe(false);
    expect(everythingReturned(LINES, [...partial, ret('r2', 'refunded', [{ sku: 'CAP-1', quantity: 1 }])])).toBe(true);
    expect(openReturns([ret('a', 'requested', []), ret('b', 'approved', []), ret('c', 'received', []), ret('d', 'refunded', []), ret('e', 'denied', [])])).toBe(3);
  });
});
