import { expect } from 'vitest';

interface InjectedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Asserts an RFC 9457 problem response with the given status and code; returns the body. */
export function expectProblem(
  response: InjectedResponse,
  status: number,
  code: string,
): Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:durable-commerce:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(response.body).not.toMatch(/\bat .+\.(?:js|ts):\d+/); // no stack frames
  return body;
}
