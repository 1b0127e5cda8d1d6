import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { CART_TASK_QUEUE, cartWorkflowId, type CartWorkflowInput } from '@commerce/contracts/cart';
import { CHECKOUT_TASK_QUEUE } from '@commerce/contracts/checkout';
import { createTestNamespace, startTestWorker, type TestWorker } from '@commerce/test-kit/worker';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CART_ID_PATTERN } from '../src/carts/cart-id.js';
import {
  ADMIN_HEADERS,
  TEMPORAL_UI_URL,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';
import { standInEndCart } from './workflows/stand-in-storefront.js';

/**
 * The cart, checkout and coupon routes on their own: the gateway against the run's dev server,
 * with stand-in cart / checkout / coupon workflows (test/workflows/stand-in-storefront.ts) on the
 * real `cart` and `checkout` queues of a fresh namespace. The real workers run in test/storefront/*.
 */
interface CartBody {
  cartId: string;
  status: string;
  version: number;
  lines: { lineId: string; sku: string; quantity: number }[];
  coupon: { code: string } | null;
  checkout: { checkoutId: string } | null;
  links: { self: string; items: string; checkout?: string; temporalUi: string };
}
interface CheckoutBody {
  checkoutId: string;
  cartId: string;
  step: string;
  cartVersion: number;
  orderId: string | null;
  lastError: { code: string } | null;
  links: { self: string; cart: string; temporalUi: string };
}

const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Row',
  city: 'London',
  postalCode: 'NW1 6XE',
  country: 'GB',
};
const SKU = 'E2E-TEE-BLK-M';

describe('cart, checkout and coupon routes (with stand-in workflows)', () => {
  let h: GatewayHarness;
  let cartWorker: TestWorker;
  let checkoutWorker: TestWorker;

  const send = (
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    h.app.inject({
      method,
      url,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers });
  const newCartId = async (): Promise<string> => {
    const response = await send('POST', '/v1/carts');
    expect(response.statusCode, response.body).toBe(201);
    return json<{ cartId: string }>(response).cartId;
  };
  const addItem = async (cartId: string, sku = SKU, quantity = 1, headers = {}) => {
    const response = await send('POST', `/v1/carts/${cartId}/items`, { sku, quantity }, headers);
    expect(response.statusCode, response.body).toBe(200);
    return json<CartBody>(response);
  };
  const workflowExists = async (workflowId: string): Promise<boolean> => {
    try {
      await cartWorker.client.workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  beforeAll(async () => {
    const namespace = await createTestNamespace('gw-carts');
    const workflowsPath = fileURLToPath(new URL('./workflows/stand-in-storefront.ts', import.meta.url));
    cartWorker = await startTestWorker({ namespace, taskQueue: CART_TASK_QUEUE, workflowsPath });
    checkoutWorker = await startTestWorker({ namespace, taskQueue: CHECKOUT_TASK_QUEUE, workflowsPath });
    h = await createGatewayHarness({
      namespace,
      env: {
        CART_HOLD_TTL_SECONDS: '120',
        CART_HOLD_KEEPALIVE_MS: '60000',
        CART_IDLE_TIMEOUT_MS: '86400000',
        CART_CONTINUE_AS_NEW_AFTER: '7',
        CART_ESTIMATED_TAX_BPS: '825',
        CHECKOUT_TIMEOUT_MS: '600000',
        CHECKOUT_HOLD_MARGIN_SECONDS: '30',
        ORDER_APPROVAL_THRESHOLD: '123456',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await cartWorker?.stop();
    await checkoutWorker?.stop();
  });

  it('mints cart ids: random ones, and the same one for a retried Idempotency-Key', async () => {
    const a = await send('POST', '/v1/carts');
    expect(a.statusCode).toBe(201);
    const { cartId, links } = json<{ cartId: string; links: CartBody['links'] }>(a);
    expect(cartId).toMatch(CART_ID_PATTERN);
    expect(a.headers.location).toBe(`/v1/carts/${cartId}`);
    expect(links).toMatchObject({ self: `/v1/carts/${cartId}`, items: `/v1/carts/${cartId}/items` });
    expect(new URL(links.temporalUi).origin).toBe(TEMPORAL_UI_URL);
    expect(await newCartId()).not.toBe(cartId);

    const key = `cart-${randomUUID()}`;
    const first = json<{ cartId: string }>(await send('POST', '/v1/carts', undefined, { 'idempotency-key': key }));
    const retry = await send('POST', '/v1/carts', undefined, { 'idempotency-key': key });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(json<{ cartId: string }>(retry).cartId).toBe(first.cartId);
    const other = json<{ cartId: string }>(
      await send('POST', '/v1/carts', undefined, { 'idempotency-key': `${key}-2` }),
    );
    expect(other.cartId).toMatch(CART_ID_PATTERN);
    expect(other.cartId).not.toBe(first.cartId);
    // Minting starts nothing.
    expect(await workflowExists(cartWorkflowId(first.cartId))).toBe(false);
  });

  it('answers 404 for a cart id never used (minted or not), 400 for a malformed one', async () => {
    const minted = await newCartId();
    for (const cartId of [minted, 'c_UNKNOWN0000000000000000000']) {
      const body = expectProblem(await get(`/v1/carts/${cartId}`), 404, 'cart_not_found');
      expect(body.detail).toContain(cartId);
      expectProblem(
        await send('PATCH', `/v1/carts/${cartId}/items/l1`, { quantity: 2 }),
        404,
        'cart_not_found',
      );
      expectProblem(await send('DELETE', `/v1/carts/${cartId}/items/l1`), 404, 'cart_not_found');
      expectProblem(await send('POST', `/v1/carts/${cartId}/coupon`, { code: 'WELCOME10' }), 404, 'cart_not_found');
      expectProblem(await send('DELETE', `/v1/carts/${cartId}/coupon`), 404, 'cart_not_found');
      expectProblem(
        await send('PUT', `/v1/carts/${cartId}/shopper`, { email: 'ada@example.com' }),
        404,
        'cart_not_found',
      );
      expectProblem(await send('POST', `/v1/carts/${cartId}/checkout`, {}), 404, 'cart_not_found');
      expect(await workflowExists(cartWorkflowId(cartId))).toBe(false);
    }
    expectProblem(await get('/v1/carts/bad%20id!'), 400, 'validation_failed');
    expectProblem(await get('/v1/carts/short'), 400, 'validation_failed');
  });

  it('creates the cart with its first item, with the configured settings, and answers the cart', async () => {
    const cartId = await newCartId();
    const requestId = `cart-test-${randomUUID()}`;
    const response = await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 2 }, {
      'x-request-id': requestId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const cart = json<CartBody>(response);
    expect(cart).toMatchObject({
      cartId,
      status: 'active',
      version: 1,
      lines: [{ lineId: 'l1', sku: SKU, quantity: 2 }],
      links: { self: `/v1/carts/${cartId}` },
    });
    expect(decodeURIComponent(new URL(cart.links.temporalUi).pathname)).toContain(`/workflows/cart:${cartId}`);

    const history = await cartWorker.client.workflow.getHandle(cartWorkflowId(cartId)).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = JSON.parse(
      Buffer.from(started!.input!.payloads![0]!.data!).toString('utf8'),
    ) as CartWorkflowInput;
    expect(input).toMatchObject({
      cartId,
      requestId,
      settings: {
        holdTtlSeconds: 120,
        holdKeepAliveMs: 60_000,
        idleTimeoutMs: 86_400_000,
        continueAsNewAfterUpdates: 7,
        estimatedTaxRateBps: 825,
        checkout: {
          timeoutMs: 600_000,
          holdMarginSeconds: 30,
          order: { approvalThreshold: 123_456, fulfillmentMode: 'auto' },
        },
      },
    });
    expect(started?.taskQueue?.name).toBe(CART_TASK_QUEUE);

    // Same SKU again merges into its line; GET answers the same cart.
    const merged = await addItem(cartId, SKU, 1);
    expect(merged.lines).toEqual([expect.objectContaining({ lineId: 'l1', quantity: 3 })]);
    const read = json<CartBody>(await get(`/v1/carts/${cartId}`));
    expect(read).toMatchObject({ cartId, version: 2, lines: [{ quantity: 3 }] });
  });

  it('refuses bad bodies with 400 and starts nothing', async () => {
    const cartId = await newCartId();
    const url = `/v1/carts/${cartId}/items`;
    const cases: unknown[] = [
      { sku: SKU, quantity: 0 },
      { sku: SKU, quantity: 100 },
      { sku: SKU, quantity: '2' },
      { sku: 'lower-case', quantity: 1 },
      { sku: SKU },
      { sku: SKU, quantity: 1, price: 1 },
      [],
    ];
    for (const body of cases) expectProblem(await send('POST', url, body), 400, 'validation_failed');
    expectProblem(await send('POST', url, '{"sku":'), 400, 'malformed_json');
    expect(await workflowExists(cartWorkflowId(cartId))).toBe(false);

    const cart = await addItem(cartId);
    for (const [method, path, body] of [
      ['PATCH', `/v1/carts/${cartId}/items/l1`, { quantity: 0 }],
      ['PATCH', `/v1/carts/${cartId}/items/l1`, { quantity: 1, sku: SKU }],
      ['PATCH', `/v1/carts/${cartId}/items/line-1`, { quantity: 1 }],
      ['POST', `/v1/carts/${cartId}/coupon`, { code: 'x' }],
      ['PUT', `/v1/carts/${cartId}/shopper`, { email: 'not-an-email' }],
      ['POST', `/v1/carts/${cartId}/checkout`, { shippingAddress: { name: 'x' } }],
    ] as const)
      expectProblem(await send(method, path, body), 400, 'validation_failed');
    expect(json<CartBody>(await get(`/v1/carts/${cartId}`)).version).toBe(cart.version);
  });

  it("maps the cart's refusals to problems and leaves the cart unchanged", async () => {
    const cartId = await newCartId();
    const cart = await addItem(cartId);
    expectProblem(
      await send('POST', `/v1/carts/${cartId}/items`, { sku: 'E2E-OUT-OF-STOCK', quantity: 1 }),
      409,
      'insufficient_stock',
    );
    expectProblem(
      await send('POST', `/v1/carts/${cartId}/items`, { sku: 'E2E-UNKNOWN', quantity: 1 }),
      422,
      'unknown_sku',
    );
    expectProblem(
      await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 99 }),
      422,
      'cart_quantity_limit',
    );
    expectProblem(
      await send('PATCH', `/v1/carts/${cartId}/items/l9`, { quantity: 2 }),
      404,
      'cart_line_not_found',
    );
    expectProblem(await send('POST', `/v1/carts/${cartId}/coupon`, { code: 'NOPE42' }), 404, 'coupon_not_found');
    expect(json<CartBody>(await get(`/v1/carts/${cartId}`)).version).toBe(cart.version);

    // A brand-new cart whose first item is refused: nothing but the (empty) workflow remains.
    const other = await newCartId();
    expectProblem(
      await send('POST', `/v1/carts/${other}/items`, { sku: 'E2E-OUT-OF-STOCK', quantity: 1 }),
      409,
      'insufficient_stock',
    );
    expectProblem(await send('POST', `/v1/carts/${other}/checkout`, {}), 409, 'cart_empty');
  });

  it('changes, removes, applies and removes a coupon, attaches a shopper: each answers the new version', async () => {
    const cartId = await newCartId();
    await addItem(cartId, SKU, 1);
    const two = await addItem(cartId, 'E2E-TEE-BLK-L', 1);
    expect(two.lines.map((l) => l.lineId)).toEqual(['l1', 'l2']);
    const changed = json<CartBody>(await send('PATCH', `/v1/carts/${cartId}/items/l2`, { quantity: 4 }));
    expect(changed).toMatchObject({ version: 3, lines: [{ quantity: 1 }, { quantity: 4 }] });
    const couponed = json<CartBody>(await send('POST', `/v1/carts/${cartId}/coupon`, { code: 'welcome10' }));
    expect(couponed).toMatchObject({ version: 4, coupon: { code: 'WELCOME10' } });
    const uncouponed = json<CartBody>(await send('DELETE', `/v1/carts/${cartId}/coupon`));
    expect(uncouponed).toMatchObject({ version: 5, coupon: null });
    const removed = json<CartBody>(await send('DELETE', `/v1/carts/${cartId}/items/l1`));
    expect(removed).toMatchObject({ version: 6, lines: [{ lineId: 'l2' }] });
    const shopper = await send('PUT', `/v1/carts/${cartId}/shopper`, { email: 'ada@example.com', name: 'Ada' });
    expect(shopper.statusCode, shopper.body).toBe(200);
    expect(json<CartBody>(shopper).version).toBe(7);
  });

  it('applies an add-item once per Idempotency-Key; the same key with another body is refused', async () => {
    const cartId = await newCartId();
    const key = `add-${randomUUID()}`;
    const first = await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 2 }, { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(200);
    const retry = await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 2 }, { 'idempotency-key': key });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expectProblem(
      await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 3 }, { 'idempotency-key': key }),
      422,
      'idempotency_key_reused',
    );
    // Even if the gateway forgot the key, the derived update id is applied once by the cart.
    h.db.prepare('DELETE FROM gateway_idempotency_keys').run();
    const forgotten = await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 2 }, { 'idempotency-key': key });
    expect(forgotten.statusCode, forgotten.body).toBe(200);
    expect(json<CartBody>(forgotten)).toMatchObject({ version: 1, lines: [{ quantity: 2 }] });
  });

  it('an ended cart answers its view and refuses changes with 409 cart_not_active', async () => {
    const cartId = await newCartId();
    await addItem(cartId);
    const handle = cartWorker.client.workflow.getHandle(cartWorkflowId(cartId));
    await handle.signal(standInEndCart, { orderId: 'order-1' });
    await handle.result();
    expect(json<CartBody>(await get(`/v1/carts/${cartId}`)).status).toBe('ordered');
    const added = expectProblem(
      await send('POST', `/v1/carts/${cartId}/items`, { sku: SKU, quantity: 1 }),
      409,
      'cart_not_active',
    );
    expect(added.detail).toContain('ordered');
    expectProblem(await send('PATCH', `/v1/carts/${cartId}/items/l1`, { quantity: 2 }), 409, 'cart_not_active');
    expectProblem(await send('POST', `/v1/carts/${cartId}/checkout`, {}), 409, 'cart_not_active');
  });

  it('walks a checkout: begin (201), guards (409), address, payment, decline (402 at payment), submit', async () => {
    const cartId = await newCartId();
    await addItem(cartId, SKU, 2);
    const begun = await send('POST', `/v1/carts/${cartId}/checkout`);
    expect(begun.statusCode, begun.body).toBe(201);
    const checkout = json<CheckoutBody>(begun);
    const { checkoutId } = checkout;
    expect(checkoutId).toBe(`${cartId}-co1`);
    expect(begun.headers.location).toBe(`/v1/checkouts/${checkoutId}`);
    expect(checkout).toMatchObject({
      cartId,
      step: 'shipping',
      cartVersion: 1,
      links: { self: `/v1/checkouts/${checkoutId}`, cart: `/v1/carts/${cartId}` },
    });
    expect(decodeURIComponent(checkout.links.temporalUi)).toContain(`/workflows/checkout:${checkoutId}`);
    // The live checkout again, and the cart links to it.
    const again = await send('POST', `/v1/carts/${cartId}/checkout`, {});
    expect(again.statusCode).toBe(201);
    expect(json<CheckoutBody>(again).checkoutId).toBe(checkoutId);
    const cart = json<CartBody>(await get(`/v1/carts/${cartId}`));
    expect(cart).toMatchObject({ status: 'checking_out', checkout: { checkoutId } });
    expect(cart.links.checkout).toBe(`/v1/checkouts/${checkoutId}`);

    const url = `/v1/checkouts/${checkoutId}`;
    expect(json<CheckoutBody>(await get(url)).step).toBe('shipping');
    expectProblem(
      await send('PUT', `${url}/payment-method`, { paymentMethod: { type: 'card', token: 'tok_visa' } }),
      409,
      'checkout_step_not_allowed',
    );
    expectProblem(await send('POST', `${url}/submit`, { cartVersion: 1 }), 409, 'checkout_step_not_allowed');
    expectProblem(await send('PUT', `${url}/shipping-address`, { address: { ...ADDRESS, country: 'AQ' } }), 422, 'shipping_unavailable');
    expectProblem(await send('PUT', `${url}/shipping-address`, { address: { ...ADDRESS, country: 'gb' } }), 400, 'validation_failed');
    const addressed = await send('PUT', `${url}/shipping-address`, { address: ADDRESS, email: 'ada@example.com' });
    expect(addressed.statusCode, addressed.body).toBe(200);
    expect(json<CheckoutBody>(addressed).step).toBe('payment');
    const declinedCard = { paymentMethod: { type: 'card', token: 'tok_chargeDeclined' } };
    expect(json<CheckoutBody>(await send('PUT', `${url}/payment-method`, declinedCard)).step).toBe('review');
    expectProblem(await send('POST', `${url}/submit`, { cartVersion: 0 }), 409, 'checkout_cart_changed');

    const declined = expectProblem(await send('POST', `${url}/submit`, { cartVersion: 1 }), 402, 'payment_declined');
    expect(declined).toMatchObject({
      checkoutId,
      step: 'payment',
      lastError: { code: 'PaymentDeclinedError' },
      links: { self: url },
    });
    expect(declined.detail).toContain('back at the payment step');

    await send('PUT', `${url}/payment-method`, { paymentMethod: { type: 'card', token: 'tok_visa' } });
    const submitted = await send('POST', `${url}/submit`, { cartVersion: 1 }, { 'idempotency-key': randomUUID() });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(json<CheckoutBody>(submitted)).toMatchObject({ step: 'completed', orderId: `${checkoutId}-o2` });
    // Ended: its view still answers; every step is refused with 409 checkout_closed.
    expect(json<CheckoutBody>(await get(url)).step).toBe('completed');
    const closed = expectProblem(await send('PUT', `${url}/shipping-address`, { address: ADDRESS }), 409, 'checkout_closed');
    expect(closed.detail).toContain('completed');
    expectProblem(await send('POST', `${url}/cancel`, {}), 409, 'checkout_closed');
  });

  it('cancels a checkout; unknown and malformed checkout ids answer 404 and 400', async () => {
    const cartId = await newCartId();
    await addItem(cartId);
    const { checkoutId } = json<CheckoutBody>(await send('POST', `/v1/carts/${cartId}/checkout`, {}));
    const cancelled = await send('POST', `/v1/checkouts/${checkoutId}/cancel`, { reason: 'changed my mind' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<CheckoutBody>(cancelled).step).toBe('cancelled');
    expectProblem(await send('POST', `/v1/checkouts/${checkoutId}/cancel`), 409, 'checkout_closed');

    const unknown = `${cartId}-co9`;
    expectProblem(await get(`/v1/checkouts/${unknown}`), 404, 'checkout_not_found');
    expectProblem(await send('PUT', `/v1/checkouts/${unknown}/shipping-address`, { address: ADDRESS }), 404, 'checkout_not_found');
    expectProblem(await send('POST', `/v1/checkouts/${unknown}/submit`, { cartVersion: 1 }), 404, 'checkout_not_found');
    expectProblem(await send('POST', `/v1/checkouts/${unknown}/cancel`, {}), 404, 'checkout_not_found');
    expectProblem(await get(`/v1/checkouts/${cartId}`), 400, 'validation_failed');
    expectProblem(await send('POST', `/v1/checkouts/${checkoutId}/submit`, { cartVersion: -1 }), 400, 'validation_failed');
    expectProblem(await send('POST', `/v1/checkouts/${checkoutId}/submit`, {}), 400, 'validation_failed');
  });

  it('admin coupons: token required, bad input refused, saved and read through the cart workflows', async () => {
    const definition = { description: 'Welcome', discount: { type: 'percentage', percent: 10 } };
    expectProblem(await send('PUT', '/v1/admin/coupons/SPRING25', definition), 401, 'unauthenticated');
    expectProblem(await get('/v1/admin/coupons/SPRING25'), 401, 'unauthenticated');
    for (const body of [
      { discount: { type: 'percentage', percent: 0 } },
      { discount: { type: 'percentage', percent: 101 } },
      { discount: { type: 'fixed', amount: { amount: -1, currency: 'USD' } } },
      { discount: { type: 'bogus' } },
      { ...definition, extra: true },
    ])
      expectProblem(await send('PUT', '/v1/admin/coupons/SPRING25', body, ADMIN_HEADERS), 400, 'validation_failed');
    expectProblem(await send('PUT', '/v1/admin/coupons/x', definition, ADMIN_HEADERS), 400, 'validation_failed');

    const saved = await send('PUT', '/v1/admin/coupons/spring25', definition, ADMIN_HEADERS);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({
      code: 'SPRING25',
      description: 'Welcome',
      active: true,
      discount: { type: 'percentage', percent: 10 },
    });
    expect(json<{ links: { temporalUi: string } }>(saved).links.temporalUi).toContain(TEMPORAL_UI_URL);
    const read = await get('/v1/admin/coupons/welcome10', ADMIN_HEADERS);
    expect(read.statusCode, read.body).toBe(200);
    expect(json(read)).toMatchObject({ code: 'WELCOME10', active: true });
    expectProblem(await get('/v1/admin/coupons/NOPE42', ADMIN_HEADERS), 404, 'coupon_not_found');
  });
});
