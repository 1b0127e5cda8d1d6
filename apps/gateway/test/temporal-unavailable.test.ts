import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_HEADERS,
  createGatewayHarness,
  json,
  type GatewayHarness,
} from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

describe('when Temporal cannot be reached', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await createGatewayHarness({ seed: true, temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('is live but not ready, and says what is down', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const response = await h.app.inject({ method: 'GET', url: '/readyz' });
    const body = expectProblem(response, 503, 'not_ready');
    expect(body.checks).toMatchObject({
      temporal: { status: 'down' },
      readModel: { status: 'up' },
    });
    expect(body.detail).toContain('temporal');
  });

  it('still serves the catalog', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/products?limit=1' });
    expect(response.statusCode).toBe(200);
    expect(json(response).total).toBeGreaterThan(0);
  });

  it('answers a stock update with 503 temporal_unavailable and keeps the Idempotency-Key free for a retry', async () => {
    const put = () =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/admin/inventory/PROD-0001-BLACK-S',
        headers: {
          ...ADMIN_HEADERS,
          'content-type': 'application/json',
          'idempotency-key': 'offline-1',
        },
        payload: JSON.stringify({ onHand: 10, reason: 'recount' }),
      });
    const first = await put();
    const body = expectProblem(first, 503, 'temporal_unavailable');
    expect(first.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/DEADLINE_EXCEEDED|\d+ UNAVAILABLE|grpc|ServiceError/);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM gateway_idempotency_keys').get()).toEqual({
      n: 0,
    });
    expectProblem(await put(), 503, 'temporal_unavailable');
  });
});
