import { describe, expect, it } from 'vitest';
import type { OrderLine } from '@commerce/contracts/common';
import { resolveSupplierAssignments } from './supplier-assignments.js';

const line = (sku: string, quantity: number, supplier: string, type: OrderLine['supplier']['type'] = 'simulated'): OrderLine => ({
  sku,
  quantity,
  unitPrice: { amount: 1_000, currency: 'USD' },
  title: sku,
  productId: 'prod-1',
  supplier: { id: supplier, name: `${supplier} inc`, type },
});

describe('resolveSupplierAssignments', () => {
  it('groups lines by supplier into `<orderId>:<supplierId>` supplier orders, merging repeated SKUs', () => {
    const plans = resolveSupplierAssignments('order-7', [
      line('TEE-1', 1, 'acme'),
      line('CAP-1', 2, 'north', 'manual'),
      line('TEE-2', 3, 'acme'),
      line('TEE-1', 1, 'acme'),
    ]);
    expect(plans).toEqual([
      {
        supplierOrderId: 'order-7:acme',
        supplier: { id: 'acme', name: 'acme inc', type: 'simulated' },
        lines: [
          { sku: 'TEE-1', quantity: 2 },
          { sku: 'TEE-2', quantity: 3 },
        ],
      },
      { supplierOrderId: 'order-7:north', supplier: { id: 'north', name: 'north inc', type: 'manual' }, lines: [{ sku: 'CAP-1', quantity: 2 }] },
    ]);
  });
});
