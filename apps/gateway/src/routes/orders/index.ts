import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  orderTimelineQuery,
  orderWorkflowId,
  requestReturnUpdate,
} from '@commerce/contracts/oms';
import {
  ORDER_SAGA_TASK_QUEUE,
  ORDER_SAGA_WORKFLOW,
  cancelOrderUpdate,
  orderSagaQuery,
  orderSagaWorkflowId,
  placeOrderUpdate,
  type OrderSagaInput,
  type OrderSagaWorkflow,
  type PlacementDecision,
} from '@commerce/contracts/order-saga';
import type { ErrorCode } from '../../errors/error-catalogue.js';
import { codeForFailureType } from '../../errors/failure-codes.js';
import { HttpProblem } from '../../errors/http-problem.js';
import { BODY_ERRORS, PROBLEM_CONTENT_TYPE, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { described, shared } from '../../http/shared-schemas.js';
import { confirmationNumberFor } from '../../orders/confirmation-number.js';
import {
  orderLinks,
  orderNotFound,
  orderPath,
  readOrderDetails,
} from '../../orders/order-details.js';
import { priceOrder } from '../../orders/price-order.js';
import {
  CancelOrderBodySchema,
  CreateOrderBodySchema,
  OrderDetailsSchema,
  OrderParamsSchema,
  OrderPlacementSchema,
  OrderProblemSchema,
  OrderTimelineSchema,
  RequestReturnBodySchema,
  ReturnResultSchema,
} from './schemas.js';

/** The actor recorded for shopper-side actions until the identity issue brings real principals. */
const API_ACTOR = 'api';

const orderProblemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: shared(OrderProblemSchema) } },
});

/**
 * Orders placed directly through the API (seed 000's flow): create (update-with-start of the
 * order saga, answered as soon as the payment is authorized or declined), read, timeline,
 * cancel and return. Open to anonymous callers until the identity issue adds shoppers.
 */
const orderRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { workflows } = app;

  /** The problem of a declined placement, with the order id the client can look up. */
  const declined = (decision: PlacementDecision): HttpProblem => {
    const mapped = codeForFailureType(decision.code);
    const code: ErrorCode = mapped ?? 'order_declined';
    return new HttpProblem(code, decision.reason ?? `The order was declined (${decision.status}).`, {
      extensions: { orderId: decision.orderId, links: orderLinks(workflows, decision.orderId) },
    });
  };

  app.post(
    '/v1/orders',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createOrder',
        tags: ['orders'],
        summary: 'Place an order (items, customer, shipping address, payment method)',
        description:
          'Prices every item on the server from the catalog (unit price, title, supplier), then starts the ' +
          "order's saga with update-with-start and answers as soon as the payment is authorized: 201 with the " +
          'order id, its confirmation number and the saga status (`awaiting_approval` for orders above the ' +
          'approval threshold). A declined card answers 402 and insufficient stock 409; in both cases nothing ' +
          'stays held or charged. Direct API orders carry no discount, shipping or tax (total = subtotal). ' +
          'Send `expectedTotal` to refuse the order (409 `price_changed`) if prices changed since the client ' +
          'showed them. The order id is the idempotency key of the saga: one saga per id, ever; with an ' +
          'Idempotency-Key and no `orderId` it is derived from the key, so a retry is the same order.',
        querystring: NoQuerySchema,
        body: CreateOrderBodySchema,
        response: {
          201: described(OrderPlacementSchema, 'The payment is authorized; the order goes on'),
          ...errorResponses(
            ...BODY_ERRORS,
            'unknown_sku',
            'invalid_order',
            'order_declined',
            'sku_not_found',
            'idempotency_request_in_progress',
            'idempotency_key_reused',
            'temporal_unavailable',
            'workflow_timeout',
          ),
          402: orderProblemResponse('Problem (`payment_declined`, `invalid_card`): nothing is held or charged'),
          409: orderProblemResponse(
            'Problem (`insufficient_stock`: nothing is held or charged; `price_changed`; `order_id_conflict`; ' +
              '`idempotency_request_in_progress`)',
          ),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const orderId = body.orderId ?? request.idempotency?.derivedId ?? randomUUID();
      const { lines, totals } = await priceOrder(app.readModel, body.items);
      const expected = body.expectedTotal;
      if (
        expected &&
        (expected.amount !== totals.total.amount || expected.currency !== totals.total.currency)
      ) {
        throw new HttpProblem(
          'price_changed',
          `The order totals ${totals.total.amount} ${totals.total.currency} (minor units) at current prices, ` +
            `not the expected ${expected.amount} ${expected.currency}.`,
          { extensions: { orderId } },
        );
      }
      const confirmationNumber = confirmationNumberFor(orderId);
      const input: OrderSagaInput = {
        orderId,
        confirmationNumber,
        source: 'api',
        customer: body.customer,
        lines,
        totals,
        shippingAddress: body.shippingAddress,
        paymentMethod: body.paymentMethod,
        placedAt: new Date().toISOString(),
        requestId: request.id,
        settings: app.orderSettings,
      };
      const workflowId = orderSagaWorkflowId(orderId);
      const decision = await workflows.updateWithStart<OrderSagaWorkflow, PlacementDecision, []>(
        placeOrderUpdate,
        {
          updateId: request.idempotency?.derivedId ?? randomUUID(),
          args: [],
          workflowType: ORDER_SAGA_WORKFLOW,
          start: {
            workflowId,
            taskQueue: ORDER_SAGA_TASK_QUEUE,
            args: [input],
            memo: { requestId: request.id },
          },
          // The saga of this order id has finished: answer from its final state.
          onFinished: async () => {
            const saga = await workflows.query(workflowId, orderSagaQuery);
            if (!saga) throw orderNotFound(orderId);
            return {
              orderId,
              outcome: saga.status === 'declined' ? 'declined' : 'accepted',
              status: saga.status,
              ...(saga.lastError ? { code: saga.lastError.code, reason: saga.lastError.message } : {}),
            };
          },
        },
      );
      if (decision.outcome === 'declined') throw declined(decision);
      // A client-chosen id may already belong to another order: its saga holds another total.
      if (body.orderId !== undefined) {
        const saga = await workflows.query(workflowId, orderSagaQuery);
        if (
          saga &&
          (saga.total.amount !== totals.total.amount || saga.total.currency !== totals.total.currency)
        ) {
          throw new HttpProblem(
            'order_id_conflict',
            `Order '${orderId}' was placed before with other items (total ${saga.total.amount} ${saga.total.currency}); ` +
              'choose a new order id.',
            { extensions: { orderId, links: orderLinks(workflows, orderId) } },
          );
        }
      }
      request.log.info(
        { orderId, workflowId, status: decision.status, total: totals.total },
        'order accepted',
      );
      void reply.code(201).header('location', orderPath(orderId));
      return {
        orderId,
        confirmationNumber,
        status: decision.status,
        total: totals.total,
        links: orderLinks(workflows, orderId),
      };
    },
  );

  app.get(
    '/v1/orders/:orderId',
    {
      schema: {
        operationId: 'getOrder',
        tags: ['orders'],
        summary: 'Get an order: its status, the saga progress and the order as OMS manages it',
        description:
          "`status` is OMS's order status (placed … delivered, completed, cancelled, returned) once OMS has the " +
          "order, and the saga's (reserving_stock, authorizing_payment, awaiting_approval, declined, " +
          'compensating, cancelled, …) before. `saga` shows the current step, completed steps, compensations, ' +
          'attempts, the last error and the payment summary.',
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(OrderDetailsSchema), 'The order'),
          ...errorResponses('validation_failed', 'order_not_found', 'temporal_unavailable'),
        },
      },
    },
    async (request) => readOrderDetails(workflows, request.params.orderId),
  );

  app.get(
    '/v1/orders/:orderId/timeline',
    {
      schema: {
        operationId: 'getOrderTimeline',
        tags: ['orders'],
        summary: "Get an order's timeline: every status change with who, when and why",
        description:
          "`entries` is OMS's append-only status history, which starts when the payment is captured and OMS " +
          "takes the order. Before that (and for orders that never reach OMS: declined, rejected, cancelled " +
          "early) `entries` is empty and `saga` shows the placement steps completed and undone so far.",
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(OrderTimelineSchema), 'The timeline'),
          ...errorResponses('validation_failed', 'order_not_found', 'temporal_unavailable'),
        },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const [saga, entries] = await Promise.all([
        workflows.query(orderSagaWorkflowId(orderId), orderSagaQuery),
        workflows.query(orderWorkflowId(orderId), orderTimelineQuery),
      ]);
      if (!saga) throw orderNotFound(orderId);
      const timeline = entries ?? [];
      const lastStatus = [...timeline].reverse().find((e) => e.toStatus !== null)?.toStatus;
      return {
        orderId,
        status: lastStatus ?? saga.status,
        entries: timeline,
        saga: {
          status: saga.status,
          currentStep: saga.currentStep,
          completedSteps: saga.completedSteps,
          compensations: saga.compensations,
        },
        links: orderLinks(workflows, orderId),
      };
    },
  );

  app.post(
    '/v1/orders/:orderId/cancel',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'cancelOrder',
        tags: ['orders'],
        summary: 'Cancel an order that has not shipped',
        description:
          'Runs the saga\'s compensations (void or refund the payment, release the stock, stop fulfillment) and ' +
          'answers once they are done. Refused with 409 `order_already_shipped` once any part shipped, and ' +
          '`order_not_cancellable` when the order is already finished or being compensated.',
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: CancelOrderBodySchema,
        response: {
          200: described(shared(OrderDetailsSchema), 'The cancelled (compensated) order'),
          ...errorResponses(
            ...BODY_ERRORS,
            'order_not_found',
            'order_already_shipped',
            'order_not_cancellable',
            'idempotency_request_in_progress',
            'idempotency_key_reused',
            'temporal_unavailable',
            'workflow_timeout',
          ),
        },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const workflowId = orderSagaWorkflowId(orderId);
      const saga = await workflows.update(workflowId, cancelOrderUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ cancelledBy: API_ACTOR, reason: request.body.reason }],
        missing: {
          notFound: { code: 'order_not_found', detail: `No order has the id '${orderId}'.` },
          finished: async () => {
            const final = await workflows.query(workflowId, orderSagaQuery);
            return final?.status === 'delivered'
              ? { code: 'order_already_shipped', detail: `Order '${orderId}' was delivered.` }
              : {
                  code: 'order_not_cancellable',
                  detail: `Order '${orderId}' is finished (${final?.status ?? 'unknown'}) and can no longer be cancelled.`,
                };
          },
        },
      });
      request.log.info({ orderId, status: saga.status }, 'order cancelled');
      return readOrderDetails(workflows, orderId, { saga });
    },
  );

  app.post(
    '/v1/orders/:orderId/returns',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'requestOrderReturn',
        tags: ['orders'],
        summary: 'Request a return of delivered lines (within the return window)',
        description:
          'Records the return request on the order (OMS). An admin then approves or denies it and marks it ' +
          'received, which refunds the returned lines only and puts their units back on hand.',
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: RequestReturnBodySchema,
        response: {
          201: described(shared(ReturnResultSchema), 'The return is requested'),
          ...errorResponses(
            ...BODY_ERRORS,
            'order_not_found',
            'return_not_allowed',
            'invalid_return',
            'idempotency_request_in_progress',
            'idempotency_key_reused',
            'temporal_unavailable',
            'workflow_timeout',
          ),
        },
      },
    },
    async (request, reply) => {
      const { orderId } = request.params;
      const derived = request.idempotency?.derivedId;
      const returnId =
        request.body.returnId ?? `ret-${derived ? derived.slice(0, 24) : randomUUID()}`;
      const order = await workflows.update(orderWorkflowId(orderId), requestReturnUpdate, {
        updateId: derived ?? randomUUID(),
        args: [
          { returnId, lines: request.body.lines, reason: request.body.reason, requestedBy: API_ACTOR },
        ],
        missing: {
          notFound: async () =>
            (await workflows.query(orderSagaWorkflowId(orderId), orderSagaQuery))
              ? {
                  code: 'return_not_allowed',
                  detail: `Order '${orderId}' has not been placed with fulfillment yet; only delivered orders can be returned.`,
                }
              : { code: 'order_not_found', detail: `No order has the id '${orderId}'.` },
          finished: {
            code: 'return_not_allowed',
            detail: `Order '${orderId}' is closed (its return window has ended).`,
          },
        },
      });
      const requested = order.returns.find((r) => r.returnId === returnId);
      if (!requested) throw new Error(`return ${returnId} missing from the order view of ${orderId}`);
      void reply.code(201);
      return { orderId, return: requested, order, links: orderLinks(workflows, orderId) };
    },
  );

  done();
};

export default orderRoutes;
