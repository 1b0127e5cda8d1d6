import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  advanceFulfillmentUpdate,
  FULFILLMENT_WORKFLOW,
  FulfillmentFailure,
  fulfillmentQuery,
  fulfillmentWorkflowId,
  supplierOrderWorkflowId,
} from '@commerce/contracts/fulfillment';
import { eventually } from '@commerce/test-kit/worker';
import { plan } from '../support/fixtures.js';
import { recordHistory } from '../support/record-history.js';
import {
  startFulfillmentHarness,
  type FulfillmentHarness,
} from '../support/fulfillment-harness.js';

const statusesOf = (
  updates: { supplierOrderId: string; status: string }[],
  supplierOrderId: string,
) => updates.filter((u) => u.supplierOrderId === supplierOrderId).map((u) => u.status);

/** The failure type of a refused update (it never entered the history). */
async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as { type?: string } | undefined)?.type;
}

describe('fulfillmentWorkflow: simulated and manual strategies', () => {
  let h: FulfillmentHarness;
  beforeAll(async () => {
    h = await startFulfillmentHarness({ dropshipStageMs: 200 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('simulated: processing → shipped → delivered on timers; holds allocated then fulfilled; OMS told; shopper notified; all recorded', async () => {
    const { input, handle } = await h.startOrder({
      supplierOrders: (orderId) => [
        plan(`${orderId}:acme`, { id: 'acme', type: 'simulated' }, ['SKU-A', 'SKU-B']),
      ],
    });
    const soId = `${input.orderId}:acme`;
    expect(handle.workflowId).toBe(fulfillmentWorkflowId(input.orderId));
    // OMS asking again (a retried activity) starts nothing new.
    expect(await h.activities.startFulfillment(input)).toEqual({ workflowId: handle.workflowId });

    const result = await handle.result();
    expect(result.cancelled).toBe(false);
    expect(result.supplierOrders).toEqual([
      expect.objectContaining({
        supplierOrderId: soId,
        supplierId: 'acme',
        strategy: 'simulated',
        status: 'delivered',
        trackingNumber: expect.stringMatching(/^TRK[0-9A-F]{14}$/) as unknown,
      }),
    ]);
    const tracking = result.supplierOrders[0]?.trackingNumber;

    const received = await h.omsReceived(input.orderId);
    expect(statusesOf(received, soId)).toEqual(['pending', 'processing', 'shipped', 'delivered']);
    expect(received.find((u) => u.status === 'shipped')).toMatchObject({
      orderId: input.orderId,
      supplierId: 'acme',
      trackingNumber: tracking,
    });

    expect(h.inventory.calls(input.holdId)).toEqual([
      'allocate:SKU-A,SKU-B',
      'fulfill:SKU-A,SKU-B',
    ]);
    expect(h.inventory.statuses(input.holdId)).toEqual({
      'SKU-A': 'fulfilled',
      'SKU-B': 'fulfilled',
    });

    const notes = await h.notifications.listByOrder(input.orderId);
    expect(notes.map((n) => [n.notificationId, n.kind, n.to, n.channel])).toEqual([
      [`${soId}:order_shipped`, 'order_shipped', 'ada@example.com', 'record'],
      [`${soId}:order_delivered`, 'order_delivered', 'ada@example.com', 'record'],
    ]);
    expect(notes[0]?.body).toContain(`Tracking number: ${tracking}`);

    const record = await h.supplierOrders.getSupplierOrder(soId);
    expect(record).toMatchObject({
      status: 'delivered',
      version: 5,
      allocated: true,
      trackingNumber: tracking,
    });
    expect(record?.history.map((t) => t.status)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    expect(await h.supplierOrders.getShipment(soId)).toMatchObject({
      trackingNumber: tracking,
      deliveredAt: record?.history[3]?.at,
    });
    expect(await h.search.get(soId)).toMatchObject({
      status: 'delivered',
      version: 5,
      supplierId: 'acme',
    });
    await recordHistory(h.fulfillment.client, 'fulfillment-simulated', handle.workflowId);
    await recordHistory(
      h.fulfillment.client,
      'supplier-order-simulated',
      supplierOrderWorkflowId(soId),
    );
  }, 60_000);

  it('manual: waits at each stage for an admin; bad advances are refused without entering history', async () => {
    const { input, handle } = await h.startOrder({
      mode: 'manual',
      supplierOrders: (orderId) => [
        plan(`${orderId}:acme`, { id: 'acme', type: 'simulated' }, ['SKU-M']),
      ],
    });
    const soId = `${input.orderId}:acme`;
    const status = async () => (await handle.query(fulfillmentQuery)).supplierOrders[0]?.status;
    await eventually(
      async () => ((await h.omsReceived(input.orderId)).length > 0 ? true : undefined),
      { what: 'the supplier order to be created' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await status()).toBe('pending');
    expect(h.inventory.statuses(input.holdId)).toEqual({ 'SKU-M': 'allocated' });
    await eventually(
      async () =>
        (await h.supplierOrders.getSupplierOrder(soId))?.allocated === true ? true : undefined,
      { what: 'the allocation to be recorded' },
    );

    const advanced = await handle.executeUpdate(advanceFulfillmentUpdate, {
      args: [{ actor: 'admin:ops' }],
    });
    expect(advanced.supplierOrders[0]).toMatchObject({ strategy: 'manual', status: 'processing' });

    const shipped = await handle.executeUpdate(advanceFulfillmentUpdate, {
      args: [
        {
          actor: 'admin:ops',
          supplierOrderId: soId,
          to: 'shipped',
          trackingNumber: '1Z999AA10123456784',
          note: 'picked up by UPS',
        },
      ],
    });
    expect(shipped.supplierOrders[0]).toMatchObject({
      status: 'shipped',
      trackingNumber: '1Z999AA10123456784',
    });
    expect(h.inventory.statuses(input.holdId)).toEqual({ 'SKU-M': 'fulfilled' });

    expect(
      await refusal(
        handle.executeUpdate(advanceFulfillmentUpdate, {
          args: [{ actor: 'admin:ops', to: 'processing' }],
        }),
      ),
    ).toBe(FulfillmentFailure.NothingToAdvance);
    expect(
      await refusal(
        handle.executeUpdate(advanceFulfillmentUpdate, {
          args: [{ actor: 'admin:ops', supplierOrderId: soId, to: 'rejected' }],
        }),
      ),
    ).toBe(FulfillmentFailure.NothingToAdvance);
    expect(
      await refusal(
        handle.executeUpdate(advanceFulfillmentUpdate, {
          args: [{ actor: 'admin:ops', supplierOrderId: `${input.orderId}:nobody` }],
        }),
      ),
    ).toBe(FulfillmentFailure.UnknownSupplierOrder);

    const delivered = await handle.executeUpdate(advanceFulfillmentUpdate, {
      args: [{ actor: 'admin:ops' }],
    });
    expect(delivered.supplierOrders[0]?.status).toBe('delivered');
    const result = await handle.result();
    expect(result.supplierOrders[0]).toMatchObject({
      status: 'delivered',
      trackingNumber: '1Z999AA10123456784',
    });

    // Refused updates left no trace: only the accepted ones are in the history.
    const events = (await handle.fetchHistory()).events ?? [];
    const accepted = events.filter(
      (event) => event.workflowExecutionUpdateAcceptedEventAttributes != null,
    );
    expect(accepted).toHaveLength(3);

    const record = await h.supplierOrders.getSupplierOrder(soId);
    expect(record?.history.map((t) => [t.status, t.actor])).toEqual([
      ['pending', 'system:fulfillment'],
      ['processing', 'admin:ops'],
      ['shipped', 'admin:ops'],
      ['delivered', 'admin:ops'],
    ]);
    expect(record?.history[2]?.reason).toBe('picked up by UPS');
    expect(statusesOf(await h.omsReceived(input.orderId), soId)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    await recordHistory(h.fulfillment.client, 'fulfillment-manual', handle.workflowId);
    await recordHistory(
      h.fulfillment.client,
      'supplier-order-manual',
      supplierOrderWorkflowId(soId),
    );
  }, 60_000);

  it('two suppliers, one manual: the simulated one is delivered while the manual one waits (a partial state), then the admin finishes it', async () => {
    const { input, handle } = await h.startOrder({
      supplierOrders: (orderId) => [
        plan(`${orderId}:acme`, { id: 'acme', type: 'simulated' }, ['SKU-A']),
        plan(`${orderId}:crafts`, { id: 'crafts', type: 'manual' }, ['SKU-C']),
      ],
    });
    const auto = `${input.orderId}:acme`;
    const manual = `${input.orderId}:crafts`;
    const partial = await eventually(
      async () => {
        const state = await handle.query(fulfillmentQuery);
        return state.supplierOrders.find((s) => s.supplierOrderId === auto)?.status === 'delivered'
          ? state
          : undefined;
      },
      { what: 'the simulated supplier order to be delivered' },
    );
    expect(partial.supplierOrders.map((s) => [s.supplierOrderId, s.strategy, s.status])).toEqual([
      [auto, 'simulated', 'delivered'],
      [manual, 'manual', 'pending'],
    ]);
    const received = await h.omsReceived(input.orderId);
    expect(statusesOf(received, auto)).toEqual(['pending', 'processing', 'shipped', 'delivered']);
    expect(statusesOf(received, manual)).toEqual(['pending']);
    expect(h.inventory.statuses(input.holdId)).toEqual({
      'SKU-A': 'fulfilled',
      'SKU-C': 'allocated',
    });
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // Straight to delivered: the supplier order still passes through processing and shipped.
    await handle.executeUpdate(advanceFulfillmentUpdate, {
      args: [{ actor: 'admin:ops', supplierOrderId: manual, to: 'delivered' }],
    });
    const result = await handle.result();
    expect(result.supplierOrders.map((s) => s.status)).toEqual(['delivered', 'delivered']);
    expect(statusesOf(await h.omsReceived(input.orderId), manual)).toEqual([
      'pending',
      'processing',
      'shipped',
      'delivered',
    ]);
    expect(h.inventory.statuses(input.holdId)).toEqual({
      'SKU-A': 'fulfilled',
      'SKU-C': 'fulfilled',
    });
    expect((await handle.describe()).type).toBe(FULFILLMENT_WORKFLOW);
  }, 60_000);
});
