import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  advanceFulfillmentUpdate,
  fulfillmentWorkflowId,
} from '@commerce/contracts/fulfillment';
import { orderSagaQuery, orderSagaWorkflowId } from '@commerce/contracts/order-saga';
import { BODY_ERRORS, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { described } from '../../http/shared-schemas.js';
import { ADMIN_SECURITY } from '../../plugins/app/admin-auth.js';
import { OrderParamsSchema } from '../orders/schemas.js';
import { AdvanceFulfillmentBodySchema, FulfillmentResultSchema } from './schemas.js';

/** The back office's fulfillment operations: advance manual supplier orders (or reject one). */
const adminFulfillmentRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { workflows } = app;
  app.addHook('onRequest', app.authenticateAdmin);

  app.post(
    '/v1/admin/fulfillments/:orderId/advance',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'advanceFulfillment',
        tags: ['admin'],
        summary: "Advance an order's manual supplier orders one stage (or to a given stage)",
        description:
          'Manual suppliers (and every supplier with MANUAL_FULFILLMENT=true) wait at each stage — processing, ' +
          'shipped, delivered — for this call. Without `supplierOrderId` every manual supplier order of the ' +
          'order that can advance does; `to: "rejected"` refuses a supplier order (the saga refunds it and ' +
          'releases its stock). 409 `nothing_to_advance` when no manual supplier order can move.',
        security: ADMIN_SECURITY,
        params: OrderParamsSchema,
        querystring: NoQuerySchema,
        body: AdvanceFulfillmentBodySchema,
        response: {
          200: described(FulfillmentResultSchema, 'The fulfillment after the advance'),
          ...errorResponses(
            ...BODY_ERRORS,
            'unauthenticated',
            'order_not_found',
            'nothing_to_advance',
            'unknown_supplier_order',
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
      const workflowId = fulfillmentWorkflowId(orderId);
      const state = await workflows.update(workflowId, advanceFulfillmentUpdate, {
        updateId: request.idempotency?.derivedId ?? randomUUID(),
        args: [{ ...request.body, actor: request.principal }],
        missing: {
          notFound: async () =>
            (await workflows.query(orderSagaWorkflowId(orderId), orderSagaQuery))
              ? {
                  code: 'nothing_to_advance',
                  detail: `Order '${orderId}' has no fulfillment yet (it is not captured and with order management).`,
                }
              : { code: 'order_not_found', detail: `No order has the id '${orderId}'.` },
          finished: {
            code: 'nothing_to_advance',
            detail: `The fulfillment of order '${orderId}' is finished.`,
          },
        },
      });
      return { ...state, links: { temporalUi: workflows.uiUrl(workflowId) } };
    },
  );

  done();
};

export default adminFulfillmentRoutes;
