import { describe, expect, it } from 'vitest';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  AdvanceFulfillmentInputSchema,
  SupplierOrderInputSchema,
  SupplierOrderSearchQuerySchema,
  SupplierOrderStrategySchema,
} from './schemas.js';
import { fulfillmentWorkflowId, supplierOrderWorkflowId } from './index.js';

if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (v) => /^[^\s@]+@[^\s@]+$/.test(v));

describe('fulfillment contracts', () => {
  it('derives business-meaningful workflow ids', () => {
    expect(fulfillmentWorkflowId('order-1')).toBe('fulfillment:order-1');
    expect(supplierOrderWorkflowId('order-1:acme')).toBe('supplier-order:order-1:acme');
  });

  it('knows the three strategies, the supplier types', () => {
    expect(['simulated', 'manual', 'dropship-api'].every((s) => Value.Check(SupplierOrderStrategySchema, s))).toBe(true);
    expect(Value.Check(SupplierOrderStrategySchema, 'carrier-pigeon')).toBe(false);
  });

  it('accepts an advance with a tracking number and refuses unknown stages or fields', () => {
    expect(Value.Check(AdvanceFulfillmentInputSchema, { actor: 'admin:ops', to: 'shipped', trackingNumber: '1Z999AA1' })).toBe(true);
    expect(Value.Check(AdvanceFulfillmentInputSchema, { actor: 'admin:ops', to: 'pending' })).toBe(false);
    expect(Value.Check(AdvanceFulfillmentInputSchema, { actor: 'admin:ops', extra: 1 })).toBe(false);
  });

  it('bounds search pagination and statuses', () => {
    expect(Value.Check(SupplierOrderSearchQuerySchema, { limit: 100, offset: 0, status: ['shipped', 'delivered'] })).toBe(true);
    expect(Value.Check(SupplierOrderSearchQuerySchema, { limit: 101, offset: 0 })).toBe(false);
    expect(Value.Check(SupplierOrderSearchQuerySchema, { limit: 10, offset: 0, status: [] })).toBe(false);
  });

  it('takes the carried progress of a continued supplier order as optional input', () => {
    const input = {
      orderId: 'o1',
      confirmationNumber: 'C1',
      omsWorkflowId: 'oms-order:o1',
      holdId: 'h1',
      customer: { email: 'ada@example.com', name: 'Ada' },
      shippingAddress: { name: 'Ada', line1: '1 Row', city: 'London', postalCode: 'N1', country: 'GB' },
      plan: { supplierOrderId: 'o1:acme', supplier: { id: 'acme', name: 'Acme', type: 'dropship-api' }, lines: [{ sku: 'A-1', quantity: 1 }] },
      settings: { mode: 'auto', simulatedStageMs: 0, dropshipPollMs: 1 },
    };
    expect(Value.Check(SupplierOrderInputSchema, input)).toBe(true);
    const carried = {
      status: 'processing',
      trackingNumber: null,
      carrier: null,
      externalReference: 'DS-1',
      reason: '',
      allocated: true,
      history: [],
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
      version: 3,
    };
    expect(Value.Check(SupplierOrderInputSchema, { ...input, carried })).toBe(true);
    expect(Value.Check(SupplierOrderInputSchema, { ...input, carried: { ...carried, version: 0 } })).toBe(false);
  });
});
