import { describe, expect, it } from 'vitest';
import { FulfillmentFailure, type DropshipOrderRequest } from '@commerce/contracts/fulfillment';
import {
  createSimulatedDropshipper,
  decideOutcome,
  rejectionDraw,
  SIMULATED_CARRIER,
} from './simulated-dropshipper.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');

function request(overrides: Partial<DropshipOrderRequest> = {}): DropshipOrderRequest {
  return {
    supplierOrderId: 'order-1:dropco',
    orderId: 'order-1',
    supplierId: 'dropco',
    lines: [{ sku: 'SKU-A', quantity: 2 }],
    shippingAddress: {
      name: 'Ada',
      line1: '12 Analytical Row',
      city: 'London',
      postalCode: 'N1',
      country: 'GB',
    },
    submittedAt: new Date(T0).toISOString(),
    ...overrides,
  };
}

/** A dropshipper whose clock the test moves. */
function simulated(options: { stageMs?: number; rejectionRate?: number } = {}) {
  let now = T0;
  const api = createSimulatedDropshipper({
    stageMs: options.stageMs ?? 1_000,
    rejectionRate: options.rejectionRate ?? 0,
    now: () => new Date(now),
  });
  return { api, at: (ms: number) => (now = T0 + ms) };
}

describe('simulated dropshipper', () => {
  it('moves an accepted order received → processing → shipped (tracking number) → delivered, one stage per stageMs', async () => {
    const { api, at } = simulated();
    const submitted = await api.submitOrder(request());
    expect(submitted).toEqual({
      externalReference: submitted.externalReference,
      status: 'received',
      trackingNumber: null,
      carrier: null,
      reason: '',
    });
    expect(submitted.externalReference).toMatch(/^DS-[0-9a-f]{12}-[0-9a-z]+-a$/);
    const ref = submitted.externalReference;
    at(999);
    expect((await api.getOrder(ref)).status).toBe('received');
    at(1_000);
    expect((await api.getOrder(ref)).status).toBe('processing');
    at(2_500);
    const shipped = await api.getOrder(ref);
    expect(shipped).toMatchObject({ status: 'shipped', carrier: SIMULATED_CARRIER });
    expect(shipped.trackingNumber).toMatch(/^DS1Z[0-9A-F]{12}$/);
    at(3_000);
    expect(await api.getOrder(ref)).toEqual({ ...shipped, status: 'delivered' });
  });

  it('is idempotent per submission: the same supplier order and time get the same reference', async () => {
    const { api } = simulated();
    const first = await api.submitOrder(request());
    expect((await api.submitOrder(request())).externalReference).toBe(first.externalReference);
    expect(
      (await api.submitOrder(request({ supplierOrderId: 'order-2:dropco' }))).externalReference,
    ).not.toBe(first.externalReference);
  });

  it('answers polls from the reference alone (another replica, or after a restart, agrees)', async () => {
    const one = simulated();
    const other = simulated();
    const { externalReference } = await one.api.submitOrder(request());
    one.at(2_000);
    other.at(2_000);
    expect(await other.api.getOrder(externalReference)).toEqual(
      await one.api.getOrder(externalReference),
    );
  });

  it('forces a rejection when the address line contains REJECT, or the supplier id ends with -rejects', async () => {
    const { api, at } = simulated();
    const byAddress = await api.submitOrder(
      request({ shippingAddress: { ...request().shippingAddress, line1: '1 Reject Road' } }),
    );
    const bySupplier = await api.submitOrder(
      request({ supplierOrderId: 'order-1:dropco-rejects', supplierId: 'dropco-rejects' }),
    );
    expect(byAddress.status).toBe('received');
    at(1_000);
    expect(await api.getOrder(byAddress.externalReference)).toMatchObject({
      status: 'rejected',
      reason: 'the dropshipper does not deliver to this address',
    });
    expect(await api.getOrder(bySupplier.externalReference)).toMatchObject({
      status: 'rejected',
      reason: 'the supplier refuses every order',
    });
    at(10_000);
    expect((await api.getOrder(byAddress.externalReference)).status).toBe('rejected');
  });

  it('rejects the configured share of orders, deterministically per supplier order', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `order-${i}:dropco`);
    const rejected = (rate: number) =>
      ids.filter(
        (supplierOrderId) => decideOutcome({ ...request(), supplierOrderId }, rate) === 'stock',
      );
    expect(rejected(0)).toHaveLength(0);
    expect(rejected(1)).toHaveLength(ids.length);
    const tenth = rejected(0.1);
    expect(tenth.length).toBeGreaterThan(150);
    expect(tenth.length).toBeLessThan(250);
    expect(rejected(0.1)).toEqual(tenth);
    // A higher rate rejects a superset: raising it never un-rejects an order.
    expect(rejected(0.3).filter((id) => tenth.includes(id))).toEqual(tenth);
    for (const id of ids.slice(0, 50)) expect(rejectionDraw(id)).toBe(rejectionDraw(id));
  });

  it('cancels until the order ships, then refuses', async () => {
    const { api, at } = simulated();
    const { externalReference } = await api.submitOrder(request());
    at(1_500);
    expect(await api.cancelOrder(externalReference, 'shopper changed their mind')).toMatchObject({
      cancelled: true,
      order: { status: 'cancelled', reason: 'shopper changed their mind' },
    });
    at(2_000);
    expect(await api.cancelOrder(externalReference, 'too late')).toMatchObject({
      cancelled: false,
      order: { status: 'shipped' },
    });
  });

  it('refuses references it never issued with UnknownDropshipOrder', async () => {
    const { api } = simulated();
    await expect(api.getOrder('DS-nonsense')).rejects.toMatchObject({
      type: FulfillmentFailure.UnknownDropshipOrder,
    });
    await expect(api.cancelOrder('X', 'r')).rejects.toMatchObject({
      type: FulfillmentFailure.UnknownDropshipOrder,
    });
  });

  it('refuses bad settings', () => {
    expect(() => createSimulatedDropshipper({ stageMs: -1, rejectionRate: 0 })).toThrow(RangeError);
    expect(() => createSimulatedDropshipper({ stageMs: 10, rejectionRate: 1.5 })).toThrow(
      RangeError,
    );
  });
});
