import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/errors/error-catalogue.js';
import { expectProblem } from './support/problem-assertions.js';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RawResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** One request over a real socket with node:http (inject() bypasses Node's HTTP parser). */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes on a socket (for requests node:http refuses to send); answers the parsed response. */
function sendRaw(port: number, raw: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(raw);
  });
}

describe('HTTP edges: every answer is problem+json with a request id', () => {
  let h: GatewayHarness;
  let port: number;
  beforeAll(async () => {
    h = await createGatewayHarness({ temporal: 'unreachable' });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    const address = h.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers an unknown method on a known path (QUERY, without a body) 405 with Allow', async () => {
    for (const method of ['QUERY', 'PROPFIND', 'PATCH']) {
      const response = await send(port, method, '/v1/products');
      const problem = expectProblem(response, 405, 'method_not_allowed');
      expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(problem.detail).toContain(`${method} is not allowed on /v1/products`);
    }
    const withBody = await h.app.inject({
      method: 'QUERY' as 'GET',
      url: '/v1/admin/inventory/PROD-0001-BLACK-S',
      headers: { 'content-type': 'application/json' },
      payload: '{"q":1}',
    });
    expectProblem(withBody, 405, 'method_not_allowed');
    expect(withBody.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    // An unknown path stays a 404 whatever the method.
    expectProblem(await send(port, 'QUERY', '/v1/nowhere'), 404, 'route_not_found');
  });

  it('answers a method HTTP does not know 501 problem+json with a request id', async () => {
    const response = await sendRaw(port, 'FROB /v1/products HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(response.statusCode).toBe(501);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 501,
      code: 'method_not_implemented',
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers a URL over 16 KiB 431 problem+json with a request id (and logs it)', async () => {
    const response = await send(port, 'GET', `/v1/products?q=${'a'.repeat(17_000)}`);
    expect(response.statusCode).toBe(431);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(UUID);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toEqual({
      type: 'urn:durable-commerce:problem:request_header_fields_too_large',
      title: ERROR_CATALOGUE.request_header_fields_too_large.title,
      status: 431,
      detail: expect.stringContaining('16 KiB') as unknown,
      code: 'request_header_fields_too_large',
      requestId,
    });
    expect(h.logs.some((l) => l.requestId === requestId && l.code === 'request_header_fields_too_large')).toBe(true);
    // The server is still fine afterwards.
    expect((await send(port, 'GET', '/healthz')).statusCode).toBe(200);
  });

  it('answers a path parameter over 256 characters 414 uri_too_long', async () => {
    expectProblem(await send(port, 'GET', `/v1/products/${'p'.repeat(300)}`), 414, 'uri_too_long');
  });

  it('answers OPTIONS without preflight headers 204 with Allow on a known path, 404 problem otherwise', async () => {
    const known = await send(port, 'OPTIONS', '/v1/admin/inventory/PROD-0001-BLACK-S');
    expect(known.statusCode).toBe(204);
    expect(known.headers.allow).toBe('GET, HEAD, OPTIONS, PUT');
    expect(known.headers['x-request-id']).toMatch(UUID);
    expect(known.body).toBe('');
    // Origin alone is not a preflight either.
    const originOnly = await send(port, 'OPTIONS', '/v1/products', { origin: 'https://shop.example' });
    expect(originOnly.statusCode).toBe(204);
    expect(originOnly.headers.allow).toBe('GET, HEAD, OPTIONS');
    expectProblem(await send(port, 'OPTIONS', '/v1/nowhere'), 404, 'route_not_found');
    // A real preflight still goes to the CORS plugin.
    const preflight = await send(port, 'OPTIONS', '/v1/products', {
      origin: 'https://shop.example',
      'access-control-request-method': 'GET',
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });

  it('documents these answers in the OpenAPI document', async () => {
    const doc = json<{ info: { description: string } }>(
      await h.app.inject({ method: 'GET', url: '/openapi.json' }),
    );
    for (const code of [
      'method_not_allowed',
      'request_header_fields_too_large',
      'uri_too_long',
      'method_not_implemented',
      'route_not_found',
    ]) {
      expect(doc.info.description).toContain(`\`${code}\``);
    }
    expect(doc.info.description).toContain('`OPTIONS`');
  });
});
