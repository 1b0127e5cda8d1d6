import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayHarness, type GatewayHarness } from './support/gateway-harness.js';

describe('CORS', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await createGatewayHarness({ temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers a preflight for an idempotent admin request from a browser', async () => {
    const response = await h.app.inject({
      method: 'OPTIONS',
      url: '/v1/admin/inventory/PROD-0001-BLACK-S',
      headers: {
        origin: 'https://admin.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-methods'])).toContain('PUT');
    expect(String(response.headers['access-control-allow-headers'])).toContain('idempotency-key');
  });

  it('exposes the request id and replay headers to browser code', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { origin: 'https://shop.example' },
    });
    const exposed = String(response.headers['access-control-expose-headers']).split(', ');
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'idempotent-replayed']));
  });
});
