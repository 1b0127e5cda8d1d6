import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  addOrderNoteUpdate,
  decideReturnUpdate,
  orderWorkflowId,
  receiveReturnUpdate,
  updateOrderStatusUpdate,
  type OrderView,
} from '@commerce/contracts/oms';
import {
  OrderSearchQuerySchema,
  OrderSearchResultSchema,
} from '@commerce/contracts/oms/schemas';
import {
  decideApprovalUpdate,
  orderSagaQuery,
  orderSagaWorkflowId,
} from '@commerce/contracts/order-saga';
import type { ErrorCode } from '../../errors/error-catalogue.js';
import { HttpProblem } from '../../errors/http-problem.js';
import { BODY_ERRORS, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { described, shared } from '../../http/shared-schemas.js';
import { orderLinks, readOrderDetails } from '../../orders/order-details.js';
import { ADMIN_SECURITY } from '../../plugins/app/admin-auth.js';
import type { ProblemSpec } from '../../temporal/workflow-runner.js';
import { OrderDetailsSchema, OrderParamsSchema, ReturnResultSchema } from '../orders/schemas.js';
import {
  ApprovalBodySchema,
  OrderNoteBodySchema,
  OrderReturnParamsSchema,
  ReturnDecisionBodySchema,
  StatusChangeBodySchema,
} from './schemas.js';

const MUTATION_ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'unauthenticated',
  'order_not_found',
  'idempotency_request_in_progress',
  'idempotency_key_reused',
  'temporal_unavailable',
  'workflow_timeout',
];

/**
 * The back office's order operations: search the orders projection, decide high-value orders,
 * force a status, add notes, and finish returns (approve or deny, receive). Admin token required.
 */
const adminOrderRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { workflows } = app;
  app.addHook('onRequest', app.authenticateAdmin);

  /**
   * The problem of an OMS update on an order OMS does not have: an order still in its saga (not
   * captured yet, or never: declined, rejected, cancelled early) gets `code`; no order at all 404.
   */
  const notWithOms =
    (orderId: string, code: ErrorCode, detail: string): ProblemSpec =>
    async () =>
      (await workflows.query(orderSagaWorkflowId(orderId), orderSagaQuery))
        ? { code, detail }
        : { code: 'order_not_found', detail: `No order has the id '${orderId}'.` };

  const returnResult = (orderId: string, returnId: string, order: OrderView) => {
    const found = order.returns.find((r) => r.returnId === returnId);
    if (!found) throw new HttpProblem('return_not_found', `Order '${orderId}' has no return '${returnId}'.`);
    return { orderId, return: found, order, links: orderLinks(workflows, orderId) };
  };

  app.get(
    '/v1/admin/orders',
    {
      schema: {
        operationId: 'searchOrders',
        tags: ['admin'],
        summary: 'Search orders with filters and facets',
        description:
          'Reads the `orders` projection OMS writes (SQLite FTS5 in the embedded profile, Elasticsearch in ' +
          'production), shortly after each change. `q` matches order id, confirmation number, customer name ' +
          'or email and SKUs; repeat `status` to OR statuses. Facet counts are disjunctive.',
        security: ADMIN_SECURITY,
        querystring: OrderSearchQuerySchema,
        response: {
          200: described(shared(OrderSearchResultSchema), 'One page of matching orders, with facet counts'),
          ...errorResponses('validation_failed', 'unauthenticated'),
        },
      },
    },
    async (request) => {
      const { placedFrom, placedTo } = request.query;
      if (placedFrom !== undefined && placedTo !== undefined && Date.parse(placedFrom) > Date.parse(placedTo)) {
        throw new HttpProblem('validation_failed', 'Invalid querystring: placedFrom must not be after placedTo.', {
          errors: [{ path: '/querystring/placedFrom', message: 'must be <= placedTo' }],
        });
      }
      try {
        return await app.orderSearch.searchOrders(request.query);
      } catch (error) {
        // The reader refuses paging, sorts or dates it cannot serve with a RangeError.
        if (error instanceof RangeError)
          throw new HttpProblem('validation_failed', `Invalid querystring: ${error.message}`, { cause: error });
        throw error;
      }
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/approval',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'decideOrderApproval',
        tags: ['admin'],
        summary: 'Approve or reject an order awaiting approval (high-value orders)',
        description:
          'Approved: the saga captures the payment and hands the order to OMS. Rejected: the saga voids the ' +
          'payment and releases the stock. Refused with 409 `order_not_awaiting_approval` unless the order is ' +
          'waiting for this decision.',
        security: ADMIN_SECURITY,
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: ApprovalBodySchema,
        response: {
          200: described(shared(OrderDetailsSchema), 'The order after the decision'),
          ...errorResponses(...MUTATION_ERRORS, 'order_not_awaiting_approval'),
        },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const saga = await workflows.update(orderSagaWorkflowId(orderId), decideApprovalUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [request.body],
        missing: {
          notFound: { code: 'order_not_found', detail: `No order has the id '${orderId}'.` },
          finished: {
            code: 'order_not_awaiting_approval',
            detail: `Order '${orderId}' is finished; it awaits no approval.`,
          },
        },
      });
      request.log.info(
        { orderId, approved: request.body.approved, status: saga.status },
        'order approval decided',
      );
      return readOrderDetails(workflows, orderId, { saga });
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/status',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'updateOrderStatus',
        tags: ['admin'],
        summary: 'Force an order status the lifecycle allows (recorded with who and why)',
        security: ADMIN_SECURITY,
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: StatusChangeBodySchema,
        response: {
          200: described(shared(OrderDetailsSchema), 'The order with its new status'),
          ...errorResponses(...MUTATION_ERRORS, 'invalid_order_status_transition'),
        },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const order = await workflows.update(orderWorkflowId(orderId), updateOrderStatusUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ status: request.body.status, reason: request.body.reason, actor: request.principal }],
        missing: {
          notFound: notWithOms(
            orderId,
            'invalid_order_status_transition',
            `Order '${orderId}' is not with order management yet (its payment is not captured).`,
          ),
          finished: {
            code: 'invalid_order_status_transition',
            detail: `Order '${orderId}' is closed; its status can no longer change.`,
          },
        },
      });
      return readOrderDetails(workflows, orderId, { order });
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/notes',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'addOrderNote',
        tags: ['admin'],
        summary: "Add a note to an order's timeline (customer feedback, support remarks)",
        security: ADMIN_SECURITY,
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: OrderNoteBodySchema,
        response: {
          200: described(shared(OrderDetailsSchema), 'The order'),
          ...errorResponses(...MUTATION_ERRORS, 'order_closed'),
        },
      },
    },
    async (request) => {
      const { orderId } = request.params;
      const order = await workflows.update(orderWorkflowId(orderId), addOrderNoteUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ actor: request.principal, note: request.body.note }],
        missing: {
          notFound: notWithOms(
            orderId,
            'order_closed',
            `Order '${orderId}' is not with order management (its payment was never captured).`,
          ),
          finished: { code: 'order_closed', detail: `Order '${orderId}' is closed.` },
        },
      });
      return readOrderDetails(workflows, orderId, { order });
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/returns/:returnId/decision',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'decideOrderReturn',
        tags: ['admin'],
        summary: 'Approve or deny a requested return',
        security: ADMIN_SECURITY,
        params: OrderReturnParamsSchema,
        querystring: NoQuerySchema,
        body: ReturnDecisionBodySchema,
        response: {
          200: described(shared(ReturnResultSchema), 'The return after the decision'),
          ...errorResponses(...MUTATION_ERRORS, 'return_not_found', 'return_not_allowed', 'invalid_return'),
        },
      },
    },
    async (request) => {
      const { orderId, returnId } = request.params;
      const order = await workflows.update(orderWorkflowId(orderId), decideReturnUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ returnId, approved: request.body.approved, reason: request.body.reason, decidedBy: request.principal }],
        missing: {
          notFound: notWithOms(orderId, 'return_not_found', `Order '${orderId}' has no return '${returnId}'.`),
          finished: { code: 'return_not_allowed', detail: `Order '${orderId}' is closed.` },
        },
      });
      return returnResult(orderId, returnId, order);
    },
  );

  app.post(
    '/v1/admin/orders/:orderId/returns/:returnId/receive',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'receiveOrderReturn',
        tags: ['admin'],
        summary: 'Mark an approved return as received: refund its lines and restock them',
        description:
          'Refunds exactly the returned lines through the payment ledger and puts their units back on hand; ' +
          'the order becomes `returned` once everything was returned. No request body.',
        security: ADMIN_SECURITY,
        params: OrderReturnParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(ReturnResultSchema), 'The received (refunded) return'),
          ...errorResponses(...MUTATION_ERRORS, 'return_not_found', 'return_not_allowed', 'invalid_return'),
        },
      },
    },
    async (request) => {
      const { orderId, returnId } = request.params;
      const order = await workflows.update(orderWorkflowId(orderId), receiveReturnUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ returnId, receivedBy: request.principal }],
        missing: {
          notFound: notWithOms(orderId, 'return_not_found', `Order '${orderId}' has no return '${returnId}'.`),
          finished: { code: 'return_not_allowed', detail: `Order '${orderId}' is closed.` },
        },
      });
      return returnResult(orderId, returnId, order);
    },
  );

  done();
};

export default adminOrderRoutes;
