import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  CART_TASK_QUEUE,
  GET_COUPON_WORKFLOW,
  UPSERT_COUPON_WORKFLOW,
  upsertCouponWorkflowId,
  type GetCouponWorkflow,
  type UpsertCouponInput,
  type UpsertCouponWorkflow,
} from '@commerce/contracts/cart';
import { CouponDefinitionSchema } from '@commerce/contracts/cart/schemas';
import { HttpProblem } from '../../errors/http-problem.js';
import { BODY_ERRORS, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { described, shared } from '../../http/shared-schemas.js';
import { ADMIN_SECURITY } from '../../plugins/app/admin-auth.js';
import { CouponParamsSchema, CouponResponseSchema } from './schemas.js';

/** Coupons (the cart domain's own table): create / replace and read, through the cart's workflows. */
const adminCouponRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.addHook('onRequest', app.authenticateAdmin);
  const { workflows } = app;

  app.put(
    '/v1/admin/coupons/:code',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'putCoupon',
        tags: ['admin'],
        summary: 'Create or replace a coupon (percentage or fixed discount, minimum subtotal, expiry)',
        description:
          'Runs `upsertCouponWorkflow` on the cart task queue. Codes are case-insensitive and stored upper-case. ' +
          'Carts that already carry the coupon re-evaluate it on their next change.',
        security: ADMIN_SECURITY,
        params: CouponParamsSchema,
        querystring: NoQuerySchema,
        body: shared(CouponDefinitionSchema),
        response: {
          200: described(shared(CouponResponseSchema), 'The coupon as stored, with a link to its workflow'),
          ...errorResponses(
            ...BODY_ERRORS,
            'unauthenticated',
            'invalid_cart_input',
            'idempotency_request_in_progress',
            'idempotency_key_reused',
            'temporal_unavailable',
            'workflow_timeout',
          ),
        },
      },
    },
    async (request) => {
      const code = request.params.code.toUpperCase();
      const input: UpsertCouponInput = { code, definition: request.body, actor: request.principal };
      const run = await workflows.execute<UpsertCouponWorkflow>(UPSERT_COUPON_WORKFLOW, {
        taskQueue: CART_TASK_QUEUE,
        workflowId: upsertCouponWorkflowId(code, request.idempotency?.derivedId ?? randomUUID()),
        args: [input],
        memo: { requestId: request.id },
      });
      request.log.info({ code, workflowId: run.workflowId, attached: run.attached }, 'coupon saved');
      return { ...run.result, links: { temporalUi: run.uiUrl } };
    },
  );

  app.get(
    '/v1/admin/coupons/:code',
    {
      schema: {
        operationId: 'getCoupon',
        tags: ['admin'],
        summary: 'Get a coupon',
        description: 'Runs `getCouponWorkflow` on the cart task queue (codes are case-insensitive).',
        security: ADMIN_SECURITY,
        params: CouponParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(CouponResponseSchema), 'The coupon'),
          ...errorResponses(
            'validation_failed',
            'unauthenticated',
            'coupon_not_found',
            'temporal_unavailable',
            'workflow_timeout',
          ),
        },
      },
    },
    async (request) => {
      const code = request.params.code.toUpperCase();
      const run = await workflows.execute<GetCouponWorkflow>(GET_COUPON_WORKFLOW, {
        taskQueue: CART_TASK_QUEUE,
        workflowId: `coupon-read:${code}:${randomUUID()}`,
        args: [{ code }],
        memo: { requestId: request.id },
      });
      if (!run.result) throw new HttpProblem('coupon_not_found', `No coupon has the code '${code}'.`);
      return { ...run.result, links: { temporalUi: run.uiUrl } };
    },
  );

  done();
};

export default adminCouponRoutes;
