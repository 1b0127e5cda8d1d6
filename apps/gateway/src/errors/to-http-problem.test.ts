import {
  ActivityFailure,
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { CartFailure } from '@commerce/contracts/cart';
import { CheckoutFailure } from '@commerce/contracts/checkout';
import { FulfillmentFailure } from '@commerce/contracts/fulfillment';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { OmsFailure } from '@commerce/contracts/oms';
import { OrderSagaFailure } from '@commerce/contracts/order-saga';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './error-catalogue.js';
import {
  DOMAIN_FAILURE_TABLES,
  FAILURE_TYPE_CODES,
  conflictingFailureTypes,
} from './failure-codes.js';
import { HttpProblem } from './http-problem.js';
import { toHttpProblem } from './to-http-problem.js';

/** What the client throws when a workflow failed because one of its activities raised `failure`. */
function failedWorkflow(failure: ApplicationFailure): WorkflowFailedError {
  const activity = new ActivityFailure(
    'activity failed',
    'adjustStock',
    '1',
    'NON_RETRYABLE_FAILURE',
    'worker',
    failure,
  );
  return new WorkflowFailedError('Workflow execution failed', activity, 'NON_RETRYABLE_FAILURE');
}

describe('error classification', () => {
  it('has a code for every failure type each domain declares, from that domain\'s own table', () => {
    const declared = {
      inventory: InventoryFailure,
      'order-saga': OrderSagaFailure,
      oms: OmsFailure,
      fulfillment: FulfillmentFailure,
      cart: CartFailure,
      checkout: CheckoutFailure,
    } as const;
    for (const [domain, failures] of Object.entries(declared)) {
      const table = DOMAIN_FAILURE_TABLES[domain as keyof typeof declared];
      expect(Object.keys(table).sort(), domain).toEqual(Object.values(failures).sort());
    }
    expect(conflictingFailureTypes()).toEqual([]);
  });

  it('maps every failure type to a catalogued error status (4xx, or 503 for a transient provider outage)', () => {
    for (const [type, code] of Object.entries(FAILURE_TYPE_CODES)) {
      expect(Object.hasOwn(ERROR_CATALOGUE, code), `${type} → ${code}`).toBe(true);
      const { status } = ERROR_CATALOGUE[code];
      if (code === 'payment_provider_unavailable') expect(status).toBe(503);
      else expect(status, `${type} → ${code}`).toBeGreaterThanOrEqual(400);
      if (code !== 'payment_provider_unavailable') expect(status).toBeLessThan(500);
    }
    expect(FAILURE_TYPE_CODES[OrderSagaFailure.PaymentDeclined]).toBe('payment_declined');
    expect(ERROR_CATALOGUE.payment_declined.status).toBe(402);
    expect(FAILURE_TYPE_CODES[OmsFailure.OrderNotFound]).toBe('order_not_found');
    expect(FAILURE_TYPE_CODES[FulfillmentFailure.NothingToAdvance]).toBe('nothing_to_advance');
    // The storefront: not found 404, state 409, validation 422 — never a 500.
    const statusOf = (type: string) => ERROR_CATALOGUE[FAILURE_TYPE_CODES[type]!].status;
    expect(statusOf(CartFailure.LineNotFound)).toBe(404);
    expect(statusOf(CartFailure.CouponNotFound)).toBe(404);
    for (const type of [CartFailure.NotActive, CartFailure.Locked, CartFailure.Empty, CartFailure.Changed])
      expect(statusOf(type), type).toBe(409);
    for (const type of [CartFailure.TooManyLines, CartFailure.QuantityLimit, CartFailure.CurrencyMismatch, CartFailure.CouponNotApplicable, CartFailure.InvalidInput])
      expect(statusOf(type), type).toBe(422);
    for (const type of [CheckoutFailure.StepNotAllowed, CheckoutFailure.Closed, CheckoutFailure.CartChanged])
      expect(statusOf(type), type).toBe(409);
    expect(statusOf(CheckoutFailure.ShippingUnavailable)).toBe(422);
  });

  it('finds the failure of an update rejected by its validator', () => {
    const rejected = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.nonRetryable('the order shipped already', OrderSagaFailure.AlreadyShipped),
    );
    expect(toHttpProblem(rejected)).toMatchObject({
      code: 'order_already_shipped',
      status: 409,
      detail: 'the order shipped already',
    });
  });

  it('reports two domains claiming one failure type', () => {
    expect(
      conflictingFailureTypes({ a: { XError: 'bad_request' }, b: { XError: 'bad_request' } }),
    ).toEqual([{ type: 'XError', domains: ['a', 'b'] }]);
  });

  it('finds the ApplicationFailure type inside a failed workflow', () => {
    const below = toHttpProblem(
      failedWorkflow(
        ApplicationFailure.nonRetryable(
          'on-hand 1 is below the 3 reserved units',
          InventoryFailure.StockBelowReserved,
        ),
      ),
    );
    expect(below).toMatchObject({
      code: 'stock_below_reserved',
      status: 409,
      detail: 'on-hand 1 is below the 3 reserved units',
    });
    const unknownSku = toHttpProblem(
      failedWorkflow(ApplicationFailure.nonRetryable('no such sku', InventoryFailure.UnknownSku)),
    );
    expect(unknownSku).toMatchObject({ code: 'sku_not_found', status: 404 });
  });

  it('never leaks the message of an unexpected error', () => {
    const secret = new Error('SQLITE_CORRUPT at /srv/data/commerce.db: password=hunter2');
    const problem = toHttpProblem(secret);
    expect(problem).toMatchObject({ code: 'internal_error', status: 500 });
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.detail).not.toContain('SQLITE');
    const unknownFailure = toHttpProblem(
      failedWorkflow(ApplicationFailure.nonRetryable('internal detail', 'SomethingElseError')),
    );
    expect(unknownFailure).toMatchObject({ code: 'internal_error', status: 500 });
    expect(unknownFailure.detail).not.toContain('internal detail');
  });

  it('keeps HttpProblems as they are', () => {
    const problem = new HttpProblem('product_not_found', 'nope');
    expect(toHttpProblem(problem)).toBe(problem);
  });
});
