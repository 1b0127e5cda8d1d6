import { describe, expect, it } from 'vitest';
import {
  OrderSagaFailure,
  type LedgerEntry,
  type OrderSagaState,
} from '@commerce/contracts/order-saga';
import { summarizeLedger } from './ledger-summary.js';
import {
  approvalInputRefusal,
  approvalRefusal,
  cancellationInputRefusal,
  cancellationRefusal,
  compensationRefundId,
  holdLines,
  orderLinesIn,
  orderSkus,
  planPaymentUndo,
  sagaHoldId,
  stockCompensation,
  unreservedSkus,
} from './saga-state.js';

const state = (patch: Partial<OrderSagaState>) =>
  ({
    orderId: 'o-1',
    status: 'fulfilling',
    orderStatus: null,
    cancellation: null,
    approval: null,
    ...patch,
  }) as OrderSagaState;

const entry = (kind: LedgerEntry['kind'], amount: number, operationKey = 'o-1'): LedgerEntry => ({
  entryId: `${kind}-${operationKey}`,
  orderId: 'o-1',
  kind,
  amount: { amount, currency: 'USD' },
  operationKey,
  createdAt: '2030-01-01T00:00:00.000Z',
});

describe('order saga state rules', () => {
  it('checkout orders act on their own SKUs of the hold, and reopen until accepted', () => {
    const lines = [
      { sku: 'A-1', quantity: 1 },
      { sku: 'B-1', quantity: 2 },
      { sku: 'A-1', quantity: 3 },
    ] as unknown as Parameters<typeof orderSkus>[0];
    expect(orderSkus(lines)).toEqual(['A-1', 'B-1']);
    expect(stockCompensation({ holdId: 'cart:c1' })).toBe('reopen_stock');
    expect(stockCompensation({})).toBe('release_stock');
    const hold = {
      lines: [
        { sku: 'A-1', status: 'confirmed' },
        { sku: 'X-9', status: 'held' },
        { sku: 'B-1', status: 'held' },
        { sku: 'Z-1', status: 'released' },
      ],
    };
    expect(orderLinesIn(hold, lines, ['confirmed'])).toEqual(['A-1']);
    expect(orderLinesIn(hold, lines, ['held', 'confirmed', 'allocated'])).toEqual(['A-1', 'B-1']);
    expect(orderLinesIn(null, lines, ['confirmed'])).toEqual([]);
    // The capture check looks only at the order's SKUs: a released extra line of the cart is not missing.
    expect(unreservedSkus(hold, lines)).toEqual([]);
  });

  it('holds a direct order under the order id and a checkout order under its hold', () => {
    expect(sagaHoldId({ orderId: 'o-1' })).toBe('order:o-1');
    expect(sagaHoldId({ orderId: 'o-1', holdId: 'checkout:c-1' })).toBe('checkout:c-1');
  });

  it('holds each SKU once with the summed quantity', () => {
    const line = (sku: string, quantity: number) => ({ sku, quantity }) as never;
    expect(holdLines([line('A-1', 2), line('B-1', 1), line('A-1', 3)])).toEqual([
      { sku: 'A-1', quantity: 5 },
      { sku: 'B-1', quantity: 1 },
    ]);
  });

  it('accepts a cancellation until the order ships, then refuses it', () => {
    expect(cancellationRefusal(state({ status: 'authorizing_payment' }))).toBeNull();
    expect(cancellationRefusal(state({ status: 'awaiting_approval' }))).toBeNull();
    expect(cancellationRefusal(state({ orderStatus: 'processing' }))).toBeNull();
    expect(cancellationRefusal(state({ orderStatus: 'partially_shipped' }))?.type).toBe(
      OrderSagaFailure.AlreadyShipped,
    );
    expect(
      cancellationRefusal(state({ orderStatus: 'delivered', status: 'delivered' }))?.type,
    ).toBe(OrderSagaFailure.AlreadyShipped);
    expect(cancellationRefusal(state({ status: 'declined' }))?.type).toBe(
      OrderSagaFailure.NotCancellable,
    );
    expect(cancellationRefusal(state({ status: 'compensating' }))?.type).toBe(
      OrderSagaFailure.NotCancellable,
    );
    const requested = {
      cancelledBy: 'shopper:1',
      reason: 'changed my mind',
      requestedAt: '2030-01-01T00:00:00.000Z',
    };
    expect(
      cancellationRefusal(state({ status: 'compensating', cancellation: requested })),
    ).toBeNull();
  });

  it('accepts one approval decision, only while awaiting approval', () => {
    expect(approvalRefusal(state({ status: 'awaiting_approval' }))).toBeNull();
    expect(approvalRefusal(state({ status: 'capturing_payment' }))?.type).toBe(
      OrderSagaFailure.NotAwaitingApproval,
    );
    const decided = {
      approved: true,
      approvedBy: 'admin:a',
      reason: 'ok',
      decidedAt: '2030-01-01T00:00:00.000Z',
    };
    expect(approvalRefusal(state({ status: 'awaiting_approval', approval: decided }))?.type).toBe(
      OrderSagaFailure.NotAwaitingApproval,
    );
  });

  it('refuses malformed decisions and cancellations', () => {
    expect(
      approvalInputRefusal({ approved: true, approvedBy: 'admin:a', reason: 'fine' }),
    ).toBeNull();
    expect(
      approvalInputRefusal({ approved: 'yes', approvedBy: 'admin:a', reason: 'fine' })?.type,
    ).toBe(OrderSagaFailure.InvalidOrder);
    expect(approvalInputRefusal({ approved: true, approvedBy: '', reason: 'fine' })?.type).toBe(
      OrderSagaFailure.InvalidOrder,
    );
    expect(cancellationInputRefusal({ cancelledBy: 'shopper:1', reason: ' ' })?.type).toBe(
      OrderSagaFailure.InvalidOrder,
    );
    expect(cancellationInputRefusal(undefined)?.type).toBe(OrderSagaFailure.InvalidOrder);
  });

  it('finds the order SKUs a hold no longer reserves', () => {
    const lines = [{ sku: 'A-1' }, { sku: 'B-1' }, { sku: 'A-1' }] as never;
    expect(
      unreservedSkus(
        {
          lines: [
            { sku: 'A-1', status: 'confirmed' },
            { sku: 'B-1', status: 'allocated' },
          ],
        },
        lines,
      ),
    ).toEqual([]);
    expect(
      unreservedSkus(
        {
          lines: [
            { sku: 'A-1', status: 'released' },
            { sku: 'B-1', status: 'confirmed' },
          ],
        },
        lines,
      ),
    ).toEqual(['A-1']);
    expect(unreservedSkus(null, lines)).toEqual(['A-1', 'B-1']);
  });

  it('undoes the payment from what the ledger shows', () => {
    const plan = (...entries: LedgerEntry[]) => planPaymentUndo(summarizeLedger(entries), 'o-1');
    expect(plan().kind).toBe('nothing');
    expect(plan(entry('decline', 100)).kind).toBe('nothing');
    expect(plan(entry('authorization', 100))).toEqual({
      kind: 'void',
      authorizationId: 'authorization-o-1',
    });
    expect(plan(entry('authorization', 100), entry('void', 100)).kind).toBe('nothing');
    expect(plan(entry('authorization', 100), entry('capture', 100))).toEqual({
      kind: 'refund',
      amount: { amount: 100, currency: 'USD' },
    });
    expect(
      plan(entry('authorization', 100), entry('capture', 100), entry('refund', 30, 'r1')),
    ).toEqual({
      kind: 'refund',
      amount: { amount: 70, currency: 'USD' },
    });
    expect(
      plan(
        entry('authorization', 100),
        entry('capture', 100),
        entry('refund', 100, compensationRefundId('o-1')),
      ).kind,
    ).toBe('nothing');
  });
});
