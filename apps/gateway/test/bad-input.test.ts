import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_HEADERS,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

// Temporal is deliberately unreachable here: a request that slipped past validation would reach it
// and answer 503, so every 4xx below also proves nothing was started.
describe('bad input gets a clean 4xx problem and changes nothing', () => {
  let h: GatewayHarness;
  let before: unknown;

  /** Everything a request could have changed: products, collections, stock levels, idempotency keys. */
  const snapshot = async () => {
    const products = await h.app.inject({
      method: 'GET',
      url: '/v1/products?sort=title_asc&limit=100',
    });
    const collections = await h.app.inject({ method: 'GET', url: '/v1/collections' });
    const items = json<{ items: { variants: { sku: string }[] }[] }>(products).items;
    const skus = items.flatMap((p) => p.variants.map((v) => v.sku)).slice(0, 30);
    const levels = await Promise.all(skus.map((sku) => h.readModel.getStockLevel(sku)));
    const keys = h.db.prepare('SELECT * FROM gateway_idempotency_keys').all();
    return { products: json(products), collections: json(collections), levels, keys };
  };

  beforeAll(async () => {
    h = await createGatewayHarness({ seed: true, temporal: 'unreachable' });
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toEqual(before);
    await h.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, headers });
  const put = (sku: string, payload: string | undefined, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'PUT',
      url: `/v1/admin/inventory/${sku}`,
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/json', ...headers },
      ...(payload !== undefined && { payload }),
    });
  const SKU = 'PROD-0001-BLACK-S';

  it('rejects unknown query parameters on every route', async () => {
    for (const url of [
      '/healthz?verbose=1',
      '/readyz?x=1',
      '/openapi.json?format=yaml',
      '/v1/products?colour=red',
      '/v1/products/prod-0001?expand=variants',
      '/v1/collections?page=2',
      '/v1/collections/tees?x=1',
    ]) {
      const body = expectProblem(await get(url), 400, 'validation_failed');
      expect(body.errors, url).toEqual([expect.objectContaining({ message: 'unknown parameter' })]);
    }
    const admin = expectProblem(
      await get(`/v1/admin/inventory/${SKU}?x=1`, ADMIN_HEADERS),
      400,
      'validation_failed',
    );
    expect(admin.errors).toEqual([{ path: '/querystring/x', message: 'unknown parameter' }]);
  });

  it('rejects out-of-range and wrongly typed search parameters, naming each', async () => {
    const cases: [string, string][] = [
      ['limit=0', '/querystring/limit'],
      ['limit=101', '/querystring/limit'],
      ['limit=ten', '/querystring/limit'],
      ['limit=1.5', '/querystring/limit'],
      ['offset=-1', '/querystring/offset'],
      ['offset=10001', '/querystring/offset'],
      ['minPrice=-5', '/querystring/minPrice'],
      ['maxPrice=abc', '/querystring/maxPrice'],
      ['inStock=maybe', '/querystring/inStock'],
      ['sort=cheapest', '/querystring/sort'],
      ['supplierType=pigeon', '/querystring/supplierType/0'],
      [`q=${'a'.repeat(201)}`, '/querystring/q'],
      [Array.from({ length: 21 }, (_, i) => `color=c${i}`).join('&'), '/querystring/color'],
      ['minPrice=5000&maxPrice=100', '/querystring/minPrice'],
    ];
    for (const [query, path] of cases) {
      const body = expectProblem(await get(`/v1/products?${query}`), 400, 'validation_failed');
      const paths = (body.errors as { path: string }[]).map((e) => e.path);
      expect(paths, query).toContain(path);
    }
    const many = expectProblem(
      await get('/v1/products?limit=0&offset=-1&minPrice=-5&zzz=1'),
      400,
      'validation_failed',
    );
    expect((many.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(
      [
        '/querystring/limit',
        '/querystring/minPrice',
        '/querystring/offset',
        '/querystring/zzz',
      ].sort(),
    );
  });

  it('treats hostile search strings as text: never an error, never a 5xx', async () => {
    const hostile = [
      '"unbalanced quote',
      "it's",
      'jacket OR hoodie',
      'NEAR(jacket hoodie)',
      'title:jacket',
      '*',
      'jack*',
      '^jacket',
      '-jacket',
      "'; DROP TABLE catalog_products; --",
      '1) OR 1=1 --',
      'jacket\u0000hoodie',
      '%_%',
      '\\',
      '{}[]()',
      'AND',
      'ü😀 jacket',
      'x'.repeat(200),
    ];
    for (const q of hostile) {
      const response = await get(`/v1/products?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, `${JSON.stringify(q)}: ${response.body}`).toBe(200);
      const result = json<{ items: unknown[]; total: number }>(response);
      expect(result.total).toBeGreaterThanOrEqual(result.items.length);
    }
  });

  it('validates path parameters', async () => {
    expectProblem(await get('/v1/products/Prod_0001'), 400, 'validation_failed');
    expectProblem(await get(`/v1/products/${'a'.repeat(81)}`), 400, 'validation_failed');
    expectProblem(await get('/v1/products/%27%20OR%201%3D1'), 400, 'validation_failed');
    expectProblem(await get('/v1/collections/Not%20A%20Handle'), 400, 'validation_failed');
    expectProblem(
      await get('/v1/admin/inventory/lower-case', ADMIN_HEADERS),
      400,
      'validation_failed',
    );
    expectProblem(
      await put("X'; DROP TABLE stock;--", JSON.stringify({ onHand: 1, reason: 'r' })),
      400,
      'validation_failed',
    );
  });

  it('answers malformed or empty JSON with malformed_json', async () => {
    for (const payload of ['{"onHand": 5,', '{onHand: 5}', "{'onHand': 5}", '', 'nul']) {
      expectProblem(await put(SKU, payload), 400, 'malformed_json');
    }
    expectProblem(
      await put(SKU, '{"__proto__": {"polluted": true}, "onHand": 1, "reason": "r"}'),
      400,
      'malformed_json',
    );
  });

  it('rejects wrong types, out-of-range values, missing and unknown body fields without coercion', async () => {
    const cases: [unknown, string][] = [
      [{ onHand: '5', reason: 'r' }, '/body/onHand'],
      [{ onHand: true, reason: 'r' }, '/body/onHand'],
      [{ onHand: 1.5, reason: 'r' }, '/body/onHand'],
      [{ onHand: -1, reason: 'r' }, '/body/onHand'],
      [{ onHand: 10_000_001, reason: 'r' }, '/body/onHand'],
      [{ onHand: 1, reason: 7 }, '/body/reason'],
      [{ onHand: 1, reason: '' }, '/body/reason'],
      [{ onHand: 1, reason: 'x'.repeat(501) }, '/body/reason'],
      [{ onHand: 1 }, '/body/reason'],
      [{ onHand: 1, reason: 'r', lowStockThreshold: -2 }, '/body/lowStockThreshold'],
      [{ onHand: 1, reason: 'r', sku: 'OTHER-1' }, '/body/sku'],
      [{ onHand: 1, reason: 'r', actor: 'me' }, '/body/actor'],
      [[{ onHand: 1, reason: 'r' }], '/body'],
      [null, '/body'],
      ['a string', '/body'],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await put(SKU, JSON.stringify(body)), 400, 'validation_failed');
      expect(
        (problem.errors as { path: string }[]).map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    const unknown = expectProblem(
      await put(SKU, JSON.stringify({ onHand: 1, reason: 'r', extra: 1 })),
      400,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([{ path: '/body/extra', message: 'unknown field' }]);
  });

  it('answers an oversized body with 413 and other media types with 415', async () => {
    const big = JSON.stringify({ onHand: 1, reason: 'r', pad: 'x'.repeat(70_000) });
    expectProblem(await put(SKU, big), 413, 'payload_too_large');
    expectProblem(
      await put(SKU, 'onHand=1&reason=r', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await put(SKU, '{"onHand":1,"reason":"r"}', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    expectProblem(
      await put(SKU, '<stock/>', { 'content-type': 'application/xml' }),
      415,
      'unsupported_media_type',
    );
  });

  it('validates the Idempotency-Key header', async () => {
    const body = JSON.stringify({ onHand: 1, reason: 'r' });
    for (const key of ['x'.repeat(256), 'caf\u00e9']) {
      const problem = expectProblem(
        await put(SKU, body, { 'idempotency-key': key }),
        400,
        'validation_failed',
      );
      expect((problem.errors as { path: string }[])[0]?.path).toBe('/headers/idempotency-key');
    }
  });

  it('answers unknown routes with 404 and known paths with another method with 405', async () => {
    expectProblem(await get('/v1/nothing-here'), 404, 'route_not_found');
    expectProblem(await get('/v2/products'), 404, 'route_not_found');
    const post = await h.app.inject({
      method: 'POST',
      url: '/v1/products',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expectProblem(post, 405, 'method_not_allowed');
    expect(post.headers.allow).toContain('GET');
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/v1/admin/inventory/${SKU}`,
      headers: ADMIN_HEADERS,
    });
    expectProblem(del, 405, 'method_not_allowed');
    expect(String(del.headers.allow).split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT']);
  });
});
