import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await createGatewayHarness({ seed: true, temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps a sane incoming x-request-id, echoes it and puts it in every log line of the request', async () => {
    const id = 'storefront:checkout-42.retry_1';
    const response = await h.app.inject({
      method: 'GET',
      url: '/v1/products/prod-9999',
      headers: { 'x-request-id': id },
    });
    expect(response.headers['x-request-id']).toBe(id);
    expect(json(response).requestId).toBe(id);
    const lines = h.logs.filter((l) => l.requestId === id);
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3); // incoming, the 404's info line, completed
  });

  it('replaces an unsafe or oversized incoming id with a fresh UUID', async () => {
    for (const incoming of [
      'x'.repeat(129),
      'has spaces',
      'new\\nline',
      '<script>',
      'ünïcode',
      '',
    ]) {
      const response = await h.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': incoming },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-request-id']).toMatch(UUID);
    }
    const a = await h.app.inject({ method: 'GET', url: '/healthz' });
    const b = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(a.headers['x-request-id']).toMatch(UUID);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('puts the id on error and not-found responses too', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/nowhere',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(json(response)).toMatchObject({ requestId: 'abc-123', code: 'route_not_found' });
  });
});
