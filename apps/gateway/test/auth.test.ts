import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

const SKU = 'PROD-0001-BLACK-S';

describe('admin authentication', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await createGatewayHarness({ seed: true, temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h.close();
  });

  const getStock = (authorization?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/v1/admin/inventory/${SKU}`,
      headers: authorization === undefined ? {} : { authorization },
    });

  it('answers 401 with WWW-Authenticate when the token is missing', async () => {
    const response = await getStock();
    expectProblem(response, 401, 'unauthenticated');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers a wrong token exactly like a missing one (no oracle)', async () => {
    const missing = json(await getStock());
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    for (const authorization of [
      'Bearer wrong-token',
      `Bearer ${ADMIN_TOKEN}x`,
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
      ADMIN_TOKEN,
      'Bearer',
      '',
    ]) {
      const response = await getStock(authorization);
      const body = expectProblem(response, 401, 'unauthenticated');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(strip(body)).toEqual(strip(missing));
    }
  });

  it('protects the mutating route before reading its body', async () => {
    const response = await h.app.inject({
      method: 'PUT',
      url: `/v1/admin/inventory/${SKU}`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      payload: JSON.stringify({ onHand: 1, reason: 'r' }),
    });
    expectProblem(response, 401, 'unauthenticated');
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM gateway_idempotency_keys').get()).toEqual({
      n: 0,
    });
  });

  it('lets the right token through (scheme is case-insensitive)', async () => {
    for (const scheme of ['Bearer', 'bearer']) {
      const response = await getStock(`${scheme} ${ADMIN_TOKEN}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(json(response)).toMatchObject({ sku: SKU, productId: 'prod-0001' });
    }
  });

  it('never writes the token to the log', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(h.logs)).not.toContain(ADMIN_TOKEN);
  });
});
