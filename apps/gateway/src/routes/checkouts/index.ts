import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  cancelCheckoutUpdate,
  checkoutQuery,
  checkoutWorkflowId,
  setPaymentMethodUpdate,
  setShippingAddressUpdate,
  submitCheckoutUpdate,
  type CheckoutView,
} from '@commerce/contracts/checkout';
import {
  CancelCheckoutRequestSchema,
  SetPaymentMethodRequestSchema,
  SetShippingAddressRequestSchema,
  SubmitCheckoutRequestSchema,
} from '@commerce/contracts/checkout/schemas';
import type { UpdateDefinition } from '@temporalio/client';
import { checkoutLinks } from '../../carts/cart-links.js';
import { readCheckout, withCheckoutLinks } from '../../carts/read-checkout.js';
import type { ErrorCode } from '../../errors/error-catalogue.js';
import { codeForFailureType } from '../../errors/failure-codes.js';
import { HttpProblem } from '../../errors/http-problem.js';
import { findApplicationFailure } from '../../errors/temporal-errors.js';
import { BODY_ERRORS, PROBLEM_CONTENT_TYPE, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { emptyBodyAsObject } from '../../http/optional-body.js';
import { described, shared } from '../../http/shared-schemas.js';
import { CheckoutParamsSchema, CheckoutProblemSchema, CheckoutResponseSchema } from './schemas.js';

/** Errors of every route that sends an update to a checkout. */
const CHECKOUT_UPDATE_ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'checkout_not_found',
  'checkout_closed',
  'checkout_step_not_allowed',
  'idempotency_request_in_progress',
  'idempotency_key_reused',
  'invalid_checkout_input',
  'temporal_unavailable',
  'workflow_timeout',
];

const IDEMPOTENCY_NOTE = ' With an Idempotency-Key a retry answers the first result and the step is applied once.';

const checkoutProblemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: shared(CheckoutProblemSchema) } },
});

/**
 * The checkout of a cart: a guarded state machine (`checkoutWorkflow`, task queue `checkout`)
 * shipping → payment → review → submitting → completed, started by the cart's beginCheckout.
 * Each step is an update whose validator checks the current step (409 otherwise).
 */
const checkoutRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { workflows } = app;

  const notFound = (checkoutId: string) => ({
    code: 'checkout_not_found' as const,
    detail: `No checkout has the id '${checkoutId}'.`,
  });
  const closed = async (checkoutId: string) => {
    const view = await workflows.query(checkoutWorkflowId(checkoutId), checkoutQuery).catch(() => null);
    return {
      code: 'checkout_closed' as const,
      detail:
        view?.step === 'completed'
          ? `Checkout '${checkoutId}' is completed (order ${view.orderId ?? 'unknown'}).`
          : `Checkout '${checkoutId}' has ended (${view?.step ?? 'closed'}); begin a new checkout from the cart.`,
    };
  };
  const updateCheckout = <Args extends unknown[]>(
    checkoutId: string,
    update: UpdateDefinition<CheckoutView, Args>,
    args: Args,
    updateId: string | undefined,
  ): Promise<CheckoutView> =>
    workflows.update(checkoutWorkflowId(checkoutId), update, {
      updateId: updateId ?? randomUUID(),
      args,
      missing: { notFound: notFound(checkoutId), finished: () => closed(checkoutId) },
    });
  /** A step route's update: the request's body to the checkout of its path, its Idempotency-Key as the update id. */
  const stepUpdate = <Body>(
    request: { params: { checkoutId: string }; body: Body; idempotency: { derivedId: string } | null },
    update: UpdateDefinition<CheckoutView, [Body]>,
  ): Promise<CheckoutView> =>
    updateCheckout(request.params.checkoutId, update, [request.body], request.idempotency?.derivedId);

  app.get(
    '/v1/checkouts/:checkoutId',
    {
      schema: {
        operationId: 'getCheckout',
        tags: ['checkouts'],
        summary: 'Get a checkout: step, lines, charges, totals, the cart version to submit, last error',
        description: "Answers the checkout workflow's query (also after it ended).",
        params: CheckoutParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(CheckoutResponseSchema), 'The checkout'),
          ...errorResponses('validation_failed', 'checkout_not_found', 'temporal_unavailable'),
        },
      },
    },
    async (request) => readCheckout(workflows, request.params.checkoutId),
  );

  app.put(
    '/v1/checkouts/:checkoutId/shipping-address',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'setCheckoutShippingAddress',
        tags: ['checkouts'],
        summary: 'Set the shipping address (and confirmation email); computes shipping and tax',
        description:
          'Allowed at shipping, payment and review (back-navigation). From shipping the checkout moves on to ' +
          'payment; from payment or review it stays where it is with the new charges. A country no shipping ' +
          'rule serves → 422 `shipping_unavailable`.' +
          IDEMPOTENCY_NOTE,
        params: CheckoutParamsSchema,
        querystring: NoQuerySchema,
        body: shared(SetShippingAddressRequestSchema),
        response: {
          200: described(shared(CheckoutResponseSchema), 'The checkout with the address and its charges'),
          ...errorResponses(...CHECKOUT_UPDATE_ERRORS, 'shipping_unavailable'),
        },
      },
    },
    async (request) => withCheckoutLinks(workflows, await stepUpdate(request, setShippingAddressUpdate)),
  );

  app.put(
    '/v1/checkouts/:checkoutId/payment-method',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'setCheckoutPaymentMethod',
        tags: ['checkouts'],
        summary: 'Set the payment method; the checkout moves on to review',
        description: 'Allowed at payment and review.' + IDEMPOTENCY_NOTE,
        params: CheckoutParamsSchema,
        querystring: NoQuerySchema,
        body: shared(SetPaymentMethodRequestSchema),
        response: {
          200: described(shared(CheckoutResponseSchema), 'The checkout at review'),
          ...errorResponses(...CHECKOUT_UPDATE_ERRORS),
        },
      },
    },
    async (request) => withCheckoutLinks(workflows, await stepUpdate(request, setPaymentMethodUpdate)),
  );

  app.post(
    '/v1/checkouts/:checkoutId/submit',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'submitCheckout',
        tags: ['checkouts'],
        summary: 'Place the order: lock the cart at the reviewed version and hand the order to the saga',
        description:
          'Only at review, with the `cartVersion` the shopper reviewed (a cart changed since → 409 ' +
          '`checkout_cart_changed`, review again). Answers once the payment is authorized: the checkout is ' +
          '`completed` with its `orderId` and the cart becomes `ordered`. A declined payment → 402 ' +
          '`payment_declined` (or `invalid_card`): the checkout is back at `payment` with `lastError`, the cart ' +
          'and its stock holds intact — set another payment method and submit again. The problem names the ' +
          'checkout, its step and its last error. With an Idempotency-Key a retry (e.g. after a timeout) never ' +
          'places a second order.',
        params: CheckoutParamsSchema,
        querystring: NoQuerySchema,
        body: shared(SubmitCheckoutRequestSchema),
        response: {
          200: described(shared(CheckoutResponseSchema), 'The completed checkout with its order id'),
          ...errorResponses(
            ...CHECKOUT_UPDATE_ERRORS,
            'checkout_incomplete',
            'checkout_cart_changed',
            'cart_changed',
            'insufficient_stock',
            'payment_declined',
            'invalid_card',
            'payment_provider_unavailable',
          ),
          402: checkoutProblemResponse(
            'Problem (`payment_declined`, `invalid_card`): the checkout is back at `payment`, nothing is charged',
          ),
          409: checkoutProblemResponse(
            'Problem (`checkout_cart_changed`, `cart_changed`: review again; `insufficient_stock`; ' +
              '`checkout_step_not_allowed`; `checkout_closed`; `checkout_incomplete`; ' +
              '`idempotency_request_in_progress`)',
          ),
        },
      },
    },
    async (request) => {
      const { checkoutId } = request.params;
      try {
        const view = await stepUpdate(request, submitCheckoutUpdate);
        request.log.info({ checkoutId, orderId: view.orderId, step: view.step }, 'checkout submitted');
        return withCheckoutLinks(workflows, view);
      } catch (error) {
        throw await submitProblem(checkoutId, error);
      }
    },
  );

  /**
   * A refused submit as a problem that also says where the checkout is now: after a decline it is
   * back at `payment` with the decline as `lastError`. A decline whose failure type no domain
   * table knows is still a decline (402), never a 500.
   */
  const submitProblem = async (checkoutId: string, error: unknown): Promise<unknown> => {
    if (error instanceof HttpProblem) return error;
    const failure = findApplicationFailure(error);
    if (!failure) return error;
    const view = await workflows
      .query(checkoutWorkflowId(checkoutId), checkoutQuery)
      .catch(() => null);
    const declined = view?.step === 'payment' && view.lastError !== null;
    const code = codeForFailureType(failure.type) ?? (declined ? 'payment_declined' : undefined);
    if (!code) return error;
    const where = declined
      ? ' The checkout is back at the payment step: set a payment method, review and submit again.'
      : view?.step === 'review'
        ? ` The checkout is at review with cart version ${view.cartVersion}: review it and submit again.`
        : '';
    return new HttpProblem(code, `${failure.message}${where}`, {
      cause: error,
      extensions: view
        ? {
            checkoutId,
            step: view.step,
            cartVersion: view.cartVersion,
            lastError: view.lastError,
            links: checkoutLinks(workflows, checkoutId, view.cartId),
          }
        : { checkoutId },
    });
  };

  app.post(
    '/v1/checkouts/:checkoutId/cancel',
    {
      config: { idempotent: true },
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'cancelCheckout',
        tags: ['checkouts'],
        summary: 'Cancel the checkout: its stock holds are released and the cart is active again',
        description:
          'Allowed at shipping, payment and review (not while the order is being submitted). The body is ' +
          'optional.' +
          IDEMPOTENCY_NOTE,
        params: CheckoutParamsSchema,
        querystring: NoQuerySchema,
        body: shared(CancelCheckoutRequestSchema),
        response: {
          200: described(shared(CheckoutResponseSchema), 'The cancelled checkout'),
          ...errorResponses(...CHECKOUT_UPDATE_ERRORS),
        },
      },
    },
    async (request) => withCheckoutLinks(workflows, await stepUpdate(request, cancelCheckoutUpdate)),
  );

  done();
};

export default checkoutRoutes;
