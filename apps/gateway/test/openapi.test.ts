import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/errors/error-catalogue.js';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

const EXPECTED_OPERATIONS = {
  'get /healthz': 'getHealth',
  'get /readyz': 'getReadiness',
  'get /openapi.json': 'getOpenApiDocument',
  'get /v1/products': 'searchProducts',
  'get /v1/products/{productId}': 'getProduct',
  'get /v1/collections': 'listCollections',
  'get /v1/collections/{handle}': 'getCollection',
  'get /v1/admin/inventory/{sku}': 'getStockLevel',
  'put /v1/admin/inventory/{sku}': 'setStockLevel',
  'post /v1/orders': 'createOrder',
  'get /v1/orders/{orderId}': 'getOrder',
  'get /v1/orders/{orderId}/timeline': 'getOrderTimeline',
  'post /v1/orders/{orderId}/cancel': 'cancelOrder',
  'post /v1/orders/{orderId}/returns': 'requestOrderReturn',
  'get /v1/admin/orders': 'searchOrders',
  'post /v1/admin/orders/{orderId}/approval': 'decideOrderApproval',
  'post /v1/admin/orders/{orderId}/status': 'updateOrderStatus',
  'post /v1/admin/orders/{orderId}/notes': 'addOrderNote',
  'post /v1/admin/orders/{orderId}/returns/{returnId}/decision': 'decideOrderReturn',
  'post /v1/admin/orders/{orderId}/returns/{returnId}/receive': 'receiveOrderReturn',
  'post /v1/admin/fulfillments/{orderId}/advance': 'advanceFulfillment',
  'post /v1/carts': 'createCart',
  'get /v1/carts/{cartId}': 'getCart',
  'post /v1/carts/{cartId}/items': 'addCartItem',
  'patch /v1/carts/{cartId}/items/{lineId}': 'changeCartItemQuantity',
  'delete /v1/carts/{cartId}/items/{lineId}': 'removeCartItem',
  'post /v1/carts/{cartId}/coupon': 'applyCartCoupon',
  'delete /v1/carts/{cartId}/coupon': 'removeCartCoupon',
  'put /v1/carts/{cartId}/shopper': 'attachCartShopper',
  'post /v1/carts/{cartId}/checkout': 'beginCheckout',
  'get /v1/checkouts/{checkoutId}': 'getCheckout',
  'put /v1/checkouts/{checkoutId}/shipping-address': 'setCheckoutShippingAddress',
  'put /v1/checkouts/{checkoutId}/payment-method': 'setCheckoutPaymentMethod',
  'post /v1/checkouts/{checkoutId}/submit': 'submitCheckout',
  'post /v1/checkouts/{checkoutId}/cancel': 'cancelCheckout',
  'put /v1/admin/coupons/{code}': 'putCoupon',
  'get /v1/admin/coupons/{code}': 'getCoupon',
};

describe('the OpenAPI document and Swagger UI', () => {
  let h: GatewayHarness;
  let doc: OpenApiDocument;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method} ${path}`, op })),
    );

  beforeAll(async () => {
    h = await createGatewayHarness({ temporal: 'unreachable' });
    const response = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = json<OpenApiDocument>(response);
  });
  afterAll(async () => {
    await h.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists exactly the gateway operations, each with an operationId, declared tags and a summary', () => {
    const found = Object.fromEntries(operations().map(({ key, op }) => [key, op.operationId]));
    expect(found).toEqual(EXPECTED_OPERATIONS);
    const declared = new Set(doc.tags.map((t) => t.name));
    for (const { key, op } of operations()) {
      expect(op.tags?.length, key).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(declared.has(tag), `${key} tag ${tag}`).toBe(true);
      expect(op.summary, key).toBeTruthy();
    }
  });

  it('describes every success response', () => {
    for (const { key, op } of operations()) {
      const responses = op.responses as Record<string, { description?: string }>;
      const success = Object.keys(responses).filter((status) => status.startsWith('2'));
      expect(success, key).toHaveLength(1);
      const ok = responses[success[0]!];
      expect(ok?.description, key).toBeTruthy();
      expect(ok?.description, key).not.toBe('Default Response');
    }
    expect(Object.keys(doc.paths['/v1/orders']!.post!.responses)).toContain('201');
    expect(Object.keys(doc.paths['/v1/orders/{orderId}/returns']!.post!.responses)).toContain('201');
  });

  it('documents problem+json error responses referencing the shared Problem schema', () => {
    const problem = doc.components.schemas.Problem as { type: string; required: string[] };
    expect(problem.type).toBe('object');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
    for (const { key, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(
        errors.map(([s]) => s),
        key,
      ).toContain('500');
      for (const [status, response] of errors) {
        const schema = response.content?.['application/problem+json']?.schema;
        expect(schema, `${key} ${status}`).toBeDefined();
        if (key === 'get /readyz' && status === '503') continue;
        // A refused order's problem also names the order (orderId, links): OrderProblem.
        if (key === 'post /v1/orders' && ['402', '409'].includes(status))
          expect(schema?.$ref, `${key} ${status}`).toBe('#/components/schemas/OrderProblem');
        // A refused submit also says where the checkout is now (step, last error): CheckoutProblem.
        else if (key === 'post /v1/checkouts/{checkoutId}/submit' && ['402', '409'].includes(status))
          expect(schema?.$ref, `${key} ${status}`).toBe('#/components/schemas/CheckoutProblem');
        else expect(schema?.$ref, `${key} ${status}`).toBe('#/components/schemas/Problem');
      }
    }
    const put = doc.paths['/v1/admin/inventory/{sku}']!.put!;
    for (const status of ['400', '401', '404', '409', '413', '415', '422', '503', '504'])
      expect(Object.keys(put.responses)).toContain(status);
    expect(Object.values(ERROR_CATALOGUE).every((e) => e.status >= 400 && e.status <= 599)).toBe(
      true,
    );
  });

  it('documents the bearer scheme on admin operations and the Idempotency-Key header', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const { key, op } of operations()) {
      if (key.includes('/admin/')) {
        expect(op.security, key).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses), key).toContain('401');
      } else {
        expect(op.security, key).toBeUndefined();
      }
    }
    const put = doc.paths['/v1/admin/inventory/{sku}']!.put!;
    expect(put.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
    );
  });

  it('names shared components after their contract schemas', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Problem',
        'Money',
        'Product',
        'OrderSagaState',
        'OrderView',
        'TimelineEntry',
        'Address',
        'Customer',
        'PaymentMethod',
        'OrderProblem',
      ]),
    );
    const order = doc.paths['/v1/orders/{orderId}']!.get!.responses['200']!.content!['application/json']!
      .schema as Record<string, unknown>;
    expect(JSON.stringify(order)).toContain('#/components/schemas/OrderSagaState');
    expect(JSON.stringify(order)).toContain('#/components/schemas/OrderView');
    const create = doc.paths['/v1/orders']!.post!;
    expect(create.tags).toEqual(['orders']);
    expect(create.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
    );
    for (const status of ['400', '402', '409', '422', '503', '504'])
      expect(Object.keys(create.responses)).toContain(status);
    // The storefront: request and response schemas are the contracts' components.
    const components = Object.keys(doc.components.schemas);
    for (const name of ['CartView', 'CartLine', 'CheckoutView', 'Coupon', 'CouponDefinition', 'AddCartItem', 'SetShippingAddress', 'SubmitCheckout', 'CheckoutProblem'])
      expect(components, name).toContain(name);
    const addItem = doc.paths['/v1/carts/{cartId}/items']!.post! as Operation & {
      requestBody: { content: Record<string, { schema: { $ref?: string } }> };
    };
    expect(addItem.tags).toEqual(['carts']);
    expect(addItem.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/AddCartItem');
    expect(JSON.stringify(addItem.responses['200'])).toContain('#/components/schemas/CartLine');
    for (const status of ['400', '404', '409', '422', '503', '504'])
      expect(Object.keys(addItem.responses), status).toContain(status);
    expect(addItem.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
    );
    const submit = doc.paths['/v1/checkouts/{checkoutId}/submit']!.post!;
    for (const status of ['400', '402', '404', '409', '422', '503', '504'])
      expect(Object.keys(submit.responses), status).toContain(status);
    expect(Object.keys(doc.paths['/v1/carts/{cartId}/checkout']!.post!.responses)).toContain('201');
    const search = doc.paths['/v1/products']!.get!.responses['200']!.content!['application/json']!
      .schema as Record<string, unknown>;
    expect(JSON.stringify(search)).toContain('#/components/schemas/Product');
  });

  it('documents the minPrice <= maxPrice rule of GET /v1/products, which the route enforces', async () => {
    const search = doc.paths['/v1/products']!.get! as unknown as {
      description: string;
      parameters: { in: string; name: string; description?: string }[];
      responses: Record<string, { description: string }>;
    };
    expect(search.description).toContain('`minPrice` must not exceed `maxPrice`');
    const param = (name: string) => search.parameters.find((p) => p.in === 'query' && p.name === name);
    expect(param('minPrice')?.description).toContain('Must not exceed `maxPrice`');
    expect(param('maxPrice')?.description).toContain('at least `minPrice`');
    expect(search.responses['400']!.description).toContain('`minPrice` > `maxPrice`');
    const refused = await h.app.inject({ method: 'GET', url: '/v1/products?minPrice=500&maxPrice=100' });
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: '/querystring/minPrice', message: 'must be <= maxPrice' }],
    });
  });

  it('serves Swagger UI with its bundled assets at /docs', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    const bundle = await h.app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.body.length).toBeGreaterThan(100_000);
    const initializer = await h.app.inject({
      method: 'GET',
      url: '/docs/static/swagger-initializer.js',
    });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('json');
  });
});
