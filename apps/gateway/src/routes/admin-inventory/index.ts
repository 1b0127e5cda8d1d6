import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  ADJUST_STOCK_WORKFLOW,
  INVENTORY_TASK_QUEUE,
  adjustStockWorkflowId,
  type AdjustStockInput,
  type AdjustStockWorkflow,
} from '@commerce/contracts/inventory';
import {
  AdminStockUpdateBodySchema,
  StockLevelViewSchema,
} from '@commerce/contracts/inventory/schemas';
import { HttpProblem } from '../../errors/http-problem.js';
import { BODY_ERRORS, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { described } from '../../http/shared-schemas.js';
import { ADMIN_SECURITY } from '../../plugins/app/admin-auth.js';
import { SkuParamsSchema, StockUpdateResultSchema } from './schemas.js';

/** Stock administration: read the projected level, set on-hand through the inventory workflow. */
const adminInventoryRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.addHook('onRequest', app.authenticateAdmin);

  app.get(
    '/v1/admin/inventory/:sku',
    {
      schema: {
        operationId: 'getStockLevel',
        tags: ['admin'],
        summary: 'Get the projected stock level of a SKU',
        description:
          'Reads the read side, which the inventory projector updates shortly after each stock change.',
        security: ADMIN_SECURITY,
        params: SkuParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(
            StockLevelViewSchema,
            'The projected stock level (eventually consistent with the last change)',
          ),
          ...errorResponses('validation_failed', 'unauthenticated', 'sku_not_found'),
        },
      },
    },
    async (request) => {
      const level = await app.readModel.getStockLevel(request.params.sku);
      if (!level)
        throw new HttpProblem(
          'sku_not_found',
          `No stock is recorded for SKU '${request.params.sku}'.`,
        );
      return level;
    },
  );

  app.put(
    '/v1/admin/inventory/:sku',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'setStockLevel',
        tags: ['admin'],
        summary: 'Set the on-hand stock (and optionally the low-stock threshold) of a SKU',
        description:
          'Runs `adjustStockWorkflow` on the inventory task queue and returns the resulting stock level. ' +
          'With an Idempotency-Key the adjustment is applied at most once however often the request is retried.',
        security: ADMIN_SECURITY,
        params: SkuParamsSchema,
        querystring: NoQuerySchema,
        body: AdminStockUpdateBodySchema,
        response: {
          200: described(
            StockUpdateResultSchema,
            'The stock level after the adjustment, with a link to its workflow',
          ),
          ...errorResponses(
            ...BODY_ERRORS,
            'unauthenticated',
            'sku_not_found',
            'idempotency_request_in_progress',
            'stock_below_reserved',
            'idempotency_key_reused',
            'invalid_inventory_input',
            'temporal_unavailable',
            'workflow_timeout',
          ),
        },
      },
    },
    async (request) => {
      const adjustmentId = request.idempotency?.derivedId ?? randomUUID();
      const input: AdjustStockInput = {
        ...request.body,
        adjustmentId,
        sku: request.params.sku,
        actor: request.principal,
      };
      const run = await app.workflows.execute<AdjustStockWorkflow>(ADJUST_STOCK_WORKFLOW, {
        taskQueue: INVENTORY_TASK_QUEUE,
        workflowId: adjustStockWorkflowId(adjustmentId),
        args: [input],
        memo: { requestId: request.id },
      });
      request.log.info(
        { workflowId: run.workflowId, sku: input.sku, attached: run.attached },
        'stock adjusted',
      );
      return { ...run.result, links: { temporalUi: run.uiUrl } };
    },
  );
  done();
};

export default adminInventoryRoutes;
