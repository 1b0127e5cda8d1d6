import {
  AuthorizePaymentInputSchema,
  OrderIdSchema,
  PaymentOperationInputSchema,
  RefundPaymentInputSchema,
} from '@commerce/contracts/order-saga/schemas';
import type { PaymentActivities } from '@commerce/contracts/order-saga';
import { Type } from '@sinclair/typebox';
import type { PaymentProcessor } from '../ports/payment-processor.js';
import { requireValid, withPaymentFailures } from './payment-failure.js';

/** Everything the order-saga worker's activities need; the worker builds it from config. */
export interface PaymentActivityDeps {
  processor: PaymentProcessor;
}

const ListLedgerInputSchema = Type.Object(
  { orderId: OrderIdSchema },
  { additionalProperties: false },
);

/**
 * The payment activities the order-saga worker registers on its queue (the saga calls them; OMS
 * refunds returns through refundPayment). Inputs are checked against the contract schemas;
 * processor failures become ApplicationFailures of the contract's types.
 */
export function createPaymentActivities(deps: PaymentActivityDeps) {
  const { processor } = deps;
  return {
    authorizePayment: withPaymentFailures(async (input) =>
      processor.authorize(requireValid(AuthorizePaymentInputSchema, input, 'authorization')),
    ),
    capturePayment: withPaymentFailures(async (input) =>
      processor.capture(requireValid(PaymentOperationInputSchema, input, 'capture')),
    ),
    voidPayment: withPaymentFailures(async (input) =>
      processor.void(requireValid(PaymentOperationInputSchema, input, 'void')),
    ),
    refundPayment: withPaymentFailures(async (input) =>
      processor.refund(requireValid(RefundPaymentInputSchema, input, 'refund')),
    ),
    listLedger: withPaymentFailures(async (input) =>
      processor.ledger(requireValid(ListLedgerInputSchema, input, 'ledger query').orderId),
    ),
  } satisfies PaymentActivities;
}
