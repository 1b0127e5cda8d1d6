import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorkflowId } from '@commerce/contracts/oms';
import {
  advanceFulfillmentUpdate,
  cancelFulfillmentSignal,
  fulfillmentQuery,
  supplierOrderQuery,
  supplierOrderWorkflowId,
  FULFILLMENT_TASK_QUEUE,
  SUPPLIER_ORDER_WORKFLOW,
  type SupplierOrderWorkflow,
} from '@commerce/contracts/fulfillment';
import { eventually } from '@commerce/test-kit/worker';
import { fulfillmentInput, plan, shippingAddress } from '../support/fixtures.js';
import { recordHistory } from '../support/record-history.js';
import {
  startFulfillmentHarness,
  type FulfillmentHarness,
} from '../support/fulfillment-harness.js';

const statusesOf = (
  updates: { supplierOrderId: string; status: string }[],
  supplierOrderId: string,
) => updates.filter((u) => u.supplierOrderId === supplierOrderId).map((u) => u.status);

describe('fulfillmentWorkflow: dropship API and cancellation', () => {
  let h: FulfillmentHarness;
  beforeAll(async () => {
    // Long enough for the cancellation test to catch the dropship order before it ships (3 stages).
    h = await startFulfillmentHarness({ dropshipStageMs: 1_500 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('dropship-api: an accepted order is followed to delivered by polling; a rejected one releases its hold lines and tells OMS why', async () => {
    const { input, handle } = await h.startOrder({
      supplierOrders: (orderId) => [
        plan(`${orderId}:dropco`, { id: 'dropco', type: 'dropship-api' }, ['SKU-D']),
        plan(`${orderId}:dropco-rejects`, { id: 'dropco-rejects', type: 'dropship-api' }, [
          'SKU-R',
        ]),
      ],
    });
    const accepted = `${input.orderId}:dropco`;
    const rejected = `${input.orderId}:dropco-rejects`;
    const result = await handle.result();
    const byId = Object.fromEntries(result.supplierOrders.map((s) => [s.supplierOrderId, s]));
    expect(byId[accepted]).toMatchObject({
      strategy: 'dropship-api',
      status: 'delivered',
      trackingNumber: expect.stringMatching(/^DS1Z/) as unknown,
    });
    expect(byId[accepted]?.externalReference).toMatch(/^DS-/);
    expect(byId[rejected]).toMatchObject({
      strategy: 'dropship-api',
      status: 'rejected',
      trackingNumber: null,
    });

    const received = await h.omsReceived(input.orderId);
    expect(statusesOf(received, accepted)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    expect(statusesOf(received, rejected)).toEqual(['pending', 'rejected']);
    expect(
      received.find((u) => u.supplierOrderId === rejected && u.status === 'rejected')?.reason,
    ).toBe('the dropshipper rejected the order: the supplier refuses every order');
    expect(h.inventory.statuses(input.holdId)).toEqual({
      'SKU-D': 'fulfilled',
      'SKU-R': 'released',
    });
    expect(h.inventory.calls(input.holdId)).toContain('release:SKU-R');
    expect((await h.supplierOrders.getSupplierOrder(rejected))?.reason).toContain(
      'refuses every order',
    );
    // Only the delivered supplier order notified the shopper.
    expect((await h.notifications.listByOrder(input.orderId)).map((n) => n.notificationId)).toEqual(
      [`${accepted}:order_shipped`, `${accepted}:order_delivered`],
    );
    await recordHistory(
      h.fulfillment.client,
      'supplier-order-dropship-delivered',
      supplierOrderWorkflowId(accepted),
    );
    await recordHistory(
      h.fulfillment.client,
      'supplier-order-dropship-rejected',
      supplierOrderWorkflowId(rejected),
    );
  }, 60_000);

  it('dropship-api: the shipping address forces a rejection (the test hook other suites use)', async () => {
    const { input, handle } = await h.startOrder({
      line1: '1 REJECT Street',
      supplierOrders: (orderId) => [
        plan(`${orderId}:dropco`, { id: 'dropco', type: 'dropship-api' }, ['SKU-D']),
      ],
    });
    const result = await handle.result();
    expect(result.supplierOrders[0]?.status).toBe('rejected');
    expect(h.inventory.statuses(input.holdId)).toEqual({ 'SKU-D': 'released' });
  }, 60_000);

  it('dropship-api: a continued run (continue-as-new) resumes from its carried progress, allocating and submitting nothing again', async () => {
    const orderId = `order-${randomUUID().slice(0, 8)}`;
    const supplierOrderId = `${orderId}:dropco`;
    const startedAt = new Date(Date.now() - 2_000).toISOString();
    const submitted = await h.activities.submitDropshipOrder({
      supplierOrderId,
      orderId,
      supplierId: 'dropco',
      lines: [{ sku: 'SKU-D', quantity: 1 }],
      shippingAddress,
      submittedAt: startedAt,
    });
    const input = fulfillmentInput({
      orderId,
      omsWorkflowId: orderWorkflowId(orderId),
      supplierOrders: [plan(supplierOrderId, { id: 'dropco', type: 'dropship-api' }, ['SKU-D'])],
    });
    h.inventory.confirmedHold(input.holdId, ['SKU-D']);
    await h.inventory.activities.allocateHold({ holdId: input.holdId, skus: ['SKU-D'] });
    const [soPlan] = input.supplierOrders;
    if (soPlan === undefined) throw new Error('no plan');
    const state = await h.fulfillment.client.workflow.execute<SupplierOrderWorkflow>(
      SUPPLIER_ORDER_WORKFLOW,
      {
        workflowId: supplierOrderWorkflowId(supplierOrderId),
        taskQueue: FULFILLMENT_TASK_QUEUE,
        args: [
          {
            orderId,
            confirmationNumber: input.confirmationNumber,
            omsWorkflowId: input.omsWorkflowId,
            holdId: input.holdId,
            customer: input.customer,
            shippingAddress: input.shippingAddress,
            plan: soPlan,
            settings: input.settings,
            carried: {
              status: 'processing',
              trackingNumber: null,
              carrier: null,
              externalReference: submitted.externalReference,
              reason: 'the dropshipper reports processing',
              allocated: true,
              history: [
                {
                  status: 'pending',
                  at: startedAt,
                  actor: 'system:fulfillment',
                  reason: 'received',
                },
                {
                  status: 'processing',
                  at: startedAt,
                  actor: 'system:dropshipper',
                  reason: 'the dropshipper reports processing',
                },
              ],
              createdAt: startedAt,
              updatedAt: startedAt,
              version: 4,
            },
          },
        ],
      },
    );
    expect(state).toMatchObject({
      status: 'delivered',
      externalReference: submitted.externalReference,
      trackingNumber: submitted.externalReference.replace(
        /^DS-([0-9a-f]{12}).*$/,
        (_m, hash: string) => `DS1Z${hash.toUpperCase()}`,
      ),
    });
    // Only the fulfillment of the allocated lines: no second allocation.
    expect(h.inventory.calls(input.holdId)).toEqual(['allocate:SKU-D', 'fulfill:SKU-D']);
    const record = await h.supplierOrders.getSupplierOrder(supplierOrderId);
    expect(record?.history.map((t) => t.status)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    expect(record?.version).toBe(6);
  }, 60_000);

  it('cancellation before shipment: every supplier order not yet shipped is cancelled and released; a shipped one goes on', async () => {
    const { input, handle } = await h.startOrder({
      simulatedStageMs: 60_000,
      supplierOrders: (orderId) => [
        plan(`${orderId}:acme`, { id: 'acme', type: 'simulated' }, ['SKU-A']),
        plan(`${orderId}:crafts`, { id: 'crafts', type: 'manual' }, ['SKU-C']),
        plan(`${orderId}:shipped`, { id: 'shipco', type: 'manual' }, ['SKU-S']),
        plan(`${orderId}:dropco`, { id: 'dropco', type: 'dropship-api' }, ['SKU-D']),
      ],
    });
    const id = (suffix: string) => `${input.orderId}:${suffix}`;
    await eventually(
      async () => {
        const state = await handle.query(fulfillmentQuery);
        return state.supplierOrders.find((s) => s.supplierOrderId === id('dropco'))
          ?.externalReference !== null &&
          h.inventory.statuses(input.holdId)['SKU-A'] === 'allocated'
          ? true
          : undefined;
      },
      { what: 'every supplier order to be allocated and the dropship order submitted' },
    );
    await handle.executeUpdate(advanceFulfillmentUpdate, {
      args: [{ actor: 'admin:ops', supplierOrderId: id('shipped'), to: 'shipped' }],
    });

    await handle.signal(cancelFulfillmentSignal, {
      reason: 'the shopper cancelled',
      cancelledBy: 'shopper:ada',
    });
    const state = await eventually(
      async () => {
        const s = await handle.query(fulfillmentQuery);
        return s.supplierOrders.filter((so) => so.status === 'cancelled').length === 3
          ? s
          : undefined;
      },
      { what: 'the cancellation to reach every supplier order not yet shipped' },
    );
    expect(state.cancelled).toBe(true);
    expect(
      Object.fromEntries(state.supplierOrders.map((s) => [s.supplierOrderId, s.status])),
    ).toEqual({
      [id('acme')]: 'cancelled',
      [id('crafts')]: 'cancelled',
      [id('shipped')]: 'shipped',
      [id('dropco')]: 'cancelled',
    });
    expect(h.inventory.statuses(input.holdId)).toEqual({
      'SKU-A': 'released',
      'SKU-C': 'released',
      'SKU-S': 'fulfilled',
      'SKU-D': 'released',
    });
    const received = await h.omsReceived(input.orderId);
    expect(
      received.find((u) => u.supplierOrderId === id('acme') && u.status === 'cancelled'),
    ).toMatchObject({ reason: 'the shopper cancelled' });
    expect((await h.supplierOrders.getSupplierOrder(id('crafts')))?.history.at(-1)).toMatchObject({
      status: 'cancelled',
      actor: 'shopper:ada',
    });

    // The shipped one is still running and can still be delivered.
    expect(
      await h.fulfillment.client.workflow
        .getHandle(supplierOrderWorkflowId(id('shipped')))
        .query(supplierOrderQuery),
    ).toMatchObject({ status: 'shipped' });
    await handle.executeUpdate(advanceFulfillmentUpdate, { args: [{ actor: 'admin:ops' }] });
    const result = await handle.result();
    expect(result.supplierOrders.find((s) => s.supplierOrderId === id('shipped'))?.status).toBe(
      'delivered',
    );
    expect(statusesOf(await h.omsReceived(input.orderId), id('shipped'))).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    const kinds = (await h.notifications.listByOrder(input.orderId)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'order_cancelled')).toHaveLength(1);
    await recordHistory(h.fulfillment.client, 'fulfillment-cancelled', handle.workflowId);
    await recordHistory(
      h.fulfillment.client,
      'supplier-order-dropship-cancelled',
      supplierOrderWorkflowId(id('dropco')),
    );
  }, 60_000);

  it('cancellation right after the start: the supplier order is cancelled and its lines released, never fulfilled', async () => {
    const { input, handle } = await h.startOrder({
      simulatedStageMs: 60_000,
      supplierOrders: (orderId) => [
        plan(`${orderId}:acme`, { id: 'acme', type: 'simulated' }, ['SKU-A']),
      ],
    });
    await handle.signal(cancelFulfillmentSignal, {
      reason: 'changed my mind',
      cancelledBy: 'shopper:ada',
    });
    const result = await handle.result();
    expect(result).toMatchObject({ cancelled: true, supplierOrders: [{ status: 'cancelled' }] });
    expect(h.inventory.statuses(input.holdId)).toEqual({ 'SKU-A': 'released' });
    expect(h.inventory.calls(input.holdId).at(-1)).toBe('release:SKU-A');
    expect(h.inventory.calls(input.holdId).some((call) => call.startsWith('fulfill'))).toBe(false);
  }, 60_000);
});
