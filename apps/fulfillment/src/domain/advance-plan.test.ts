import { describe, expect, it } from 'vitest';
import { FulfillmentFailure, type SupplierOrderState } from '@commerce/contracts/fulfillment';
import { planAdvance } from './advance-plan.js';

const state = (
  supplierOrderId: string,
  strategy: SupplierOrderState['strategy'],
  status: SupplierOrderState['status'],
): SupplierOrderState => ({
  supplierOrderId,
  supplierId: supplierOrderId.split(':')[1] ?? 's',
  strategy,
  status,
  trackingNumber: null,
  externalReference: null,
  updatedAt: '2030-01-01T00:00:00.000Z',
});

const failureOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { type: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('planAdvance', () => {
  const states = [
    state('o:auto', 'simulated', 'processing'),
    state('o:hand', 'manual', 'pending'),
    state('o:done', 'manual', 'delivered'),
  ];
  const actor = 'admin:ops';

  it('moves every manual supplier order that can move on to its next stage by default', () => {
    expect(planAdvance(states, { actor })).toEqual([
      { supplierOrderId: 'o:hand', to: 'processing' },
    ]);
    expect(planAdvance([...states, state('o:hand2', 'manual', 'shipped')], { actor })).toEqual([
      { supplierOrderId: 'o:hand', to: 'processing' },
      { supplierOrderId: 'o:hand2', to: 'delivered' },
    ]);
  });

  it('moves a named supplier order to a requested stage, or rejects it before shipment', () => {
    expect(planAdvance(states, { actor, supplierOrderId: 'o:hand', to: 'shipped' })).toEqual([
      { supplierOrderId: 'o:hand', to: 'shipped' },
    ]);
    expect(planAdvance(states, { actor, supplierOrderId: 'o:hand', to: 'rejected' })).toEqual([
      { supplierOrderId: 'o:hand', to: 'rejected' },
    ]);
  });

  it('refuses an unknown supplier order', () => {
    expect(
      failureOf(() => planAdvance(states, { actor, supplierOrderId: 'o:nope' })),
    ).toMatchObject({ type: FulfillmentFailure.UnknownSupplierOrder });
  });

  it('refuses with NothingToAdvance: automatic strategies, finished orders, stages behind, nothing manual', () => {
    expect(
      failureOf(() => planAdvance(states, { actor, supplierOrderId: 'o:auto' })),
    ).toMatchObject({
      type: FulfillmentFailure.NothingToAdvance,
      message: expect.stringContaining('simulated') as unknown,
    });
    expect(
      failureOf(() => planAdvance(states, { actor, supplierOrderId: 'o:done' })),
    ).toMatchObject({ type: FulfillmentFailure.NothingToAdvance });
    expect(
      failureOf(() => planAdvance([state('o:x', 'manual', 'shipped')], { actor, to: 'rejected' })),
    ).toMatchObject({ type: FulfillmentFailure.NothingToAdvance });
    expect(
      failureOf(() => planAdvance([state('o:a', 'simulated', 'pending')], { actor })),
    ).toMatchObject({
      type: FulfillmentFailure.NothingToAdvance,
      message: 'this order has no manually fulfilled supplier order',
    });
  });
});
