import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  CART_TASK_QUEUE,
  CART_WORKFLOW,
  addItemUpdate,
  applyCouponUpdate,
  attachShopperUpdate,
  beginCheckoutUpdate,
  cartQuery,
  cartWorkflowId,
  changeQuantityUpdate,
  removeCouponUpdate,
  removeItemUpdate,
  type CartView,
  type CartWorkflow,
  type CartWorkflowInput,
} from '@commerce/contracts/cart';
import {
  AddItemRequestSchema,
  ApplyCouponRequestSchema,
  BeginCheckoutRequestSchema,
  CartShopperSchema,
} from '@commerce/contracts/cart/schemas';
import { InventoryFailure } from '@commerce/contracts/inventory';
import type { UpdateDefinition } from '@temporalio/client';
import { cartLinks, cartPath, checkoutPath } from '../../carts/cart-links.js';
import { mintCartId } from '../../carts/cart-id.js';
import { readCheckout } from '../../carts/read-checkout.js';
import type { ErrorCode } from '../../errors/error-catalogue.js';
import { HttpProblem } from '../../errors/http-problem.js';
import { findApplicationFailure } from '../../errors/temporal-errors.js';
import { BODY_ERRORS, errorResponses } from '../../http/error-responses.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { emptyBodyAsObject } from '../../http/optional-body.js';
import { described, shared } from '../../http/shared-schemas.js';
import { CheckoutResponseSchema } from '../checkouts/schemas.js';
import {
  CartLineParamsSchema,
  CartParamsSchema,
  CartResponseSchema,
  ChangeQuantityBodySchema,
  NewCartSchema,
} from './schemas.js';

/** Errors of every route that sends an update to an existing cart. */
const CART_UPDATE_ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'cart_not_found',
  'cart_not_active',
  'cart_locked',
  'insufficient_stock',
  'idempotency_request_in_progress',
  'idempotency_key_reused',
  'invalid_cart_input',
  'temporal_unavailable',
  'workflow_timeout',
];

const IDEMPOTENCY_NOTE =
  ' With an Idempotency-Key a retry answers the first result and the change is applied once, even ' +
  "across the cart's continue-as-new.";

/**
 * The storefront cart: one `cartWorkflow` per cart id (task queue `cart`), created lazily by the
 * first item (update-with-start). Every change is an update whose validator refuses bad input or
 * a wrong state before anything is recorded; each answers the new cart with its `version`.
 */
const cartRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  const { workflows } = app;

  const respond = (view: CartView) => ({
    ...view,
    links: cartLinks(workflows, view.cartId, view.checkout?.checkoutId),
  });
  const notFound = (cartId: string) => ({
    code: 'cart_not_found' as const,
    detail: `No cart has the id '${cartId}' (a cart exists once its first item is added).`,
  });
  /** The cart's workflow has ended: ordered or abandoned (its query still answers which). */
  const notActive = async (cartId: string) => {
    const view = await workflows.query(cartWorkflowId(cartId), cartQuery).catch(() => null);
    return {
      code: 'cart_not_active' as const,
      detail:
        view?.status === 'ordered'
          ? `Cart '${cartId}' was ordered (order ${view.orderId ?? 'unknown'}) and takes no more changes.`
          : `Cart '${cartId}' is ${view?.status ?? 'closed'} and takes no more changes.`,
    };
  };
  /** Sends an update to an existing cart (404 when none has the id, 409 once it ended). */
  const updateCart = <Args extends unknown[]>(
    cartId: string,
    update: UpdateDefinition<CartView, Args>,
    args: Args,
    updateId: string | undefined,
  ): Promise<CartView> =>
    workflows.update(cartWorkflowId(cartId), update, {
      updateId: updateId ?? randomUUID(),
      args,
      missing: { notFound: notFound(cartId), finished: () => notActive(cartId) },
    });

  app.post(
    '/v1/carts',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createCart',
        tags: ['carts'],
        summary: 'Get a new cart id',
        description:
          'Mints a cart id (`c_` + 26 characters). Nothing is stored and no workflow starts: the cart comes to ' +
          'life with its first item (`POST /v1/carts/{cartId}/items`). With an Idempotency-Key the id is derived ' +
          'from the key, so a retry answers the same id.',
        querystring: NoQuerySchema,
        response: {
          201: described(NewCartSchema, 'A new cart id'),
          ...errorResponses(
            'validation_failed',
            'idempotency_request_in_progress',
            'idempotency_key_reused',
          ),
        },
      },
    },
    async (request, reply) => {
      const cartId = mintCartId(request.idempotency?.derivedId);
      void reply.code(201).header('location', cartPath(cartId));
      return { cartId, links: cartLinks(workflows, cartId) };
    },
  );

  app.get(
    '/v1/carts/:cartId',
    {
      schema: {
        operationId: 'getCart',
        tags: ['carts'],
        summary: 'Get a cart: lines with their product snapshot, coupon, totals, version, status, checkout',
        description:
          "Answers the cart workflow's query (also after the cart was ordered or abandoned). A cart id that never " +
          'had an item is indistinguishable from an unknown one: both answer 404 `cart_not_found`.',
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(CartResponseSchema), 'The cart'),
          ...errorResponses('validation_failed', 'cart_not_found', 'temporal_unavailable'),
        },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      const view = await workflows.query(cartWorkflowId(cartId), cartQuery);
      if (!view) throw new HttpProblem('cart_not_found', notFound(cartId).detail);
      return respond(view);
    },
  );

  app.post(
    '/v1/carts/:cartId/items',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'addCartItem',
        tags: ['carts'],
        summary: 'Add a SKU to the cart (creates the cart with its first item)',
        description:
          'Update-with-start of the cart workflow: the first item creates the cart. The SKU is described from ' +
          'the catalog (title, options, image, unit price) and its stock is held for the cart; the same SKU ' +
          'again adds to its line. Up to 99 units per line and 50 lines, one currency per cart. Out of stock ' +
          '→ 409 `insufficient_stock` and the cart is unchanged; an unknown SKU → 422 `unknown_sku`.' +
          IDEMPOTENCY_NOTE,
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        body: shared(AddItemRequestSchema),
        response: {
          200: described(shared(CartResponseSchema), 'The cart with the item added'),
          ...errorResponses(
            ...CART_UPDATE_ERRORS,
            'unknown_sku',
            'cart_too_many_lines',
            'cart_quantity_limit',
            'cart_currency_mismatch',
          ),
        },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      const workflowId = cartWorkflowId(cartId);
      const input: CartWorkflowInput = {
        cartId,
        settings: app.cartSettings,
        requestId: request.id,
      };
      const view = await workflows
        .updateWithStart<CartWorkflow, CartView, [typeof request.body]>(addItemUpdate, {
          updateId: request.idempotency?.derivedId ?? randomUUID(),
          args: [request.body],
          workflowType: CART_WORKFLOW,
          start: {
            workflowId,
            taskQueue: CART_TASK_QUEUE,
            args: [input],
            memo: { requestId: request.id },
          },
          onFinished: async () => {
            const { code, detail } = await notActive(cartId);
            throw new HttpProblem(code, detail);
          },
        })
        .catch((error: unknown) => {
          // The SKU in the body is not sold: a bad request body (422), as for POST /v1/orders.
          const failure = findApplicationFailure(error);
          if (failure?.type === InventoryFailure.UnknownSku)
            throw new HttpProblem('unknown_sku', failure.message, { cause: error });
          throw error;
        });
      request.log.info(
        { cartId, sku: request.body.sku, quantity: request.body.quantity, version: view.version },
        'cart item added',
      );
      return respond(view);
    },
  );

  app.patch(
    '/v1/carts/:cartId/items/:lineId',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'changeCartItemQuantity',
        tags: ['carts'],
        summary: "Change a cart line's quantity (1-99)",
        description:
          "Holds the new quantity of the line's SKU (out of stock → 409 `insufficient_stock`, cart unchanged)." +
          IDEMPOTENCY_NOTE,
        params: CartLineParamsSchema,
        querystring: NoQuerySchema,
        body: ChangeQuantityBodySchema,
        response: {
          200: described(shared(CartResponseSchema), 'The cart with the new quantity'),
          ...errorResponses(...CART_UPDATE_ERRORS, 'cart_line_not_found', 'cart_quantity_limit'),
        },
      },
    },
    async (request) => {
      const { cartId, lineId } = request.params;
      const view = await updateCart(
        cartId,
        changeQuantityUpdate,
        [{ lineId, quantity: request.body.quantity }],
        request.idempotency?.derivedId,
      );
      return respond(view);
    },
  );

  app.delete(
    '/v1/carts/:cartId/items/:lineId',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'removeCartItem',
        tags: ['carts'],
        summary: 'Remove a line from the cart (its stock hold is released)',
        description: 'Line ids are never reused within a cart.' + IDEMPOTENCY_NOTE,
        params: CartLineParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(CartResponseSchema), 'The cart without the line'),
          ...errorResponses(...CART_UPDATE_ERRORS, 'cart_line_not_found'),
        },
      },
    },
    async (request) => {
      const { cartId, lineId } = request.params;
      return respond(
        await updateCart(cartId, removeItemUpdate, [{ lineId }], request.idempotency?.derivedId),
      );
    },
  );

  app.post(
    '/v1/carts/:cartId/coupon',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'applyCartCoupon',
        tags: ['carts'],
        summary: 'Apply a coupon code to the cart (replaces any other)',
        description:
          'Unknown or inactive codes → 404 `coupon_not_found`; expired, below its minimum subtotal or in ' +
          'another currency → 422 `coupon_not_applicable`. The coupon stays on the cart and is re-evaluated ' +
          'on every change (`coupon.applies` false with a `reason` once it stops applying).' +
          IDEMPOTENCY_NOTE,
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        body: shared(ApplyCouponRequestSchema),
        response: {
          200: described(shared(CartResponseSchema), 'The cart with the coupon and its discount'),
          ...errorResponses(...CART_UPDATE_ERRORS, 'coupon_not_found', 'coupon_not_applicable'),
        },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      return respond(
        await updateCart(cartId, applyCouponUpdate, [request.body], request.idempotency?.derivedId),
      );
    },
  );

  app.delete(
    '/v1/carts/:cartId/coupon',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'removeCartCoupon',
        tags: ['carts'],
        summary: "Remove the cart's coupon",
        description: 'Answers the cart (unchanged when it had no coupon).' + IDEMPOTENCY_NOTE,
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(CartResponseSchema), 'The cart without a coupon'),
          ...errorResponses(...CART_UPDATE_ERRORS),
        },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      return respond(await updateCart(cartId, removeCouponUpdate, [], request.idempotency?.derivedId));
    },
  );

  app.put(
    '/v1/carts/:cartId/shopper',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'attachCartShopper',
        tags: ['carts'],
        summary: 'Say who the cart belongs to: a signed-in shopper (customerId) or a guest email',
        description:
          "The email is where the order confirmation goes unless the checkout's address step gives another." +
          IDEMPOTENCY_NOTE,
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        body: shared(CartShopperSchema),
        response: {
          200: described(shared(CartResponseSchema), 'The cart with its shopper'),
          ...errorResponses(...CART_UPDATE_ERRORS),
        },
      },
    },
    async (request) => {
      const { cartId } = request.params;
      return respond(
        await updateCart(cartId, attachShopperUpdate, [request.body], request.idempotency?.derivedId),
      );
    },
  );

  app.post(
    '/v1/carts/:cartId/checkout',
    {
      config: { idempotent: true },
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'beginCheckout',
        tags: ['carts', 'checkouts'],
        summary: "Begin the cart's checkout (or answer its live one)",
        description:
          'Starts the checkout workflow as a child of the cart (at most one live checkout per cart: a second ' +
          "call answers the live one). The body is optional. Every line's stock is held first (out of stock → 409 " +
          '`insufficient_stock`); an empty cart → 409 `cart_empty`. Answers the checkout with the cart version ' +
          'it shows (`cartVersion`, which submit must carry). Optionally prefills the shipping address.' +
          IDEMPOTENCY_NOTE,
        params: CartParamsSchema,
        querystring: NoQuerySchema,
        body: shared(BeginCheckoutRequestSchema),
        response: {
          201: described(shared(CheckoutResponseSchema), 'The checkout of the cart'),
          ...errorResponses(...CART_UPDATE_ERRORS, 'cart_empty', 'shipping_unavailable'),
        },
      },
    },
    async (request, reply) => {
      const { cartId } = request.params;
      const cart = await updateCart(
        cartId,
        beginCheckoutUpdate,
        [request.body],
        request.idempotency?.derivedId,
      );
      const checkoutId = cart.checkout?.checkoutId;
      if (!checkoutId) {
        // The cart answered without a live checkout: it has moved on (ordered) in the meantime.
        throw new HttpProblem(
          'cart_not_active',
          `Cart '${cartId}' is ${cart.status} and has no live checkout.`,
        );
      }
      const checkout = await readCheckout(workflows, checkoutId, { waitMs: 10_000 });
      request.log.info({ cartId, checkoutId, cartVersion: cart.version }, 'checkout begun');
      void reply.code(201).header('location', checkoutPath(checkoutId));
      return checkout;
    },
  );

  done();
};

export default cartRoutes;
