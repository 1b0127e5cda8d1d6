import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpProblem } from '../src/errors/http-problem.js';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';
import { expectProblem } from './support/problem-assertions.js';

/**
 * The idempotency plugin through a route: a probe route that opts in with
 * `config: { idempotent: true }` and counts how often its handler really runs.
 */
describe('Idempotency-Key through a route', () => {
  let h: GatewayHarness;
  let runs = 0;
  let gate: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    h = await createGatewayHarness({
      temporal: 'unreachable',
      beforeReady: (app) => {
        app.post(
          '/test/probe',
          {
            config: { idempotent: true },
            schema: {
              body: Type.Object({ value: Type.Integer() }, { additionalProperties: false }),
            },
          },
          async (request) => {
            runs += 1;
            await gate;
            if (request.body.value === 404)
              throw new HttpProblem('sku_not_found', 'probe: not found');
            if (request.body.value === 500) throw new Error('probe: boom');
            return { run: runs, value: request.body.value };
          },
        );
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    runs = 0;
    gate = Promise.resolve();
  });

  const call = (value: number, key?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/test/probe',
      headers: {
        'content-type': 'application/json',
        ...(key !== undefined && { 'idempotency-key': key }),
      },
      payload: JSON.stringify({ value }),
    });

  it('replays the first response for the same key and body, without running again', async () => {
    const first = await call(1, 'replay-1');
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await call(1, 'replay-1');
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.body).toBe(first.body);
    expect(runs).toBe(1);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('refuses the same key with a different body (422) and does not run', async () => {
    expect((await call(1, 'reuse-1')).statusCode).toBe(200);
    expectProblem(await call(2, 'reuse-1'), 422, 'idempotency_key_reused');
    expect(runs).toBe(1);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const first = call(7, 'slow-1');
    await expect.poll(() => runs).toBe(1);
    const concurrent = await call(7, 'slow-1');
    expectProblem(concurrent, 409, 'idempotency_request_in_progress');
    expect(concurrent.headers['retry-after']).toBeDefined();
    open();
    expect((await first).statusCode).toBe(200);
    const after = await call(7, 'slow-1');
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(runs).toBe(1);
  });

  it('stores 4xx outcomes and replays them', async () => {
    const first = await call(404, 'fourxx-1');
    expectProblem(first, 404, 'sku_not_found');
    const again = await call(404, 'fourxx-1');
    expect(again.statusCode).toBe(404);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(again)).toEqual(json(first));
    expect(runs).toBe(1);
  });

  it('does not store 5xx outcomes: the client may retry with the same key', async () => {
    expectProblem(await call(500, 'fivexx-1'), 500, 'internal_error');
    expect(
      h.db
        .prepare(
          "SELECT COUNT(*) AS n FROM gateway_idempotency_keys WHERE idempotency_key = 'fivexx-1'",
        )
        .get(),
    ).toEqual({ n: 0 });
    expectProblem(await call(500, 'fivexx-1'), 500, 'internal_error');
    expect(runs).toBe(2);
  });

  it('runs every request without a key', async () => {
    await call(3);
    await call(3);
    expect(runs).toBe(2);
  });

  it('forgets a key once it has expired', async () => {
    expect((await call(1, 'expire-1')).statusCode).toBe(200);
    expectProblem(await call(2, 'expire-1'), 422, 'idempotency_key_reused');
    h.db
      .prepare(
        "UPDATE gateway_idempotency_keys SET expires_at = '2000-01-01T00:00:00.000Z' WHERE idempotency_key = 'expire-1'",
      )
      .run();
    const fresh = await call(2, 'expire-1');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(runs).toBe(2);
  });

  it('stores the key scoped to principal, method and route with a SHA-256 of the request', () => {
    const row = h.db
      .prepare(
        "SELECT principal, method, route, request_hash, state, response_status FROM gateway_idempotency_keys WHERE idempotency_key = 'replay-1'",
      )
      .get();
    expect(row).toMatchObject({
      principal: 'anonymous',
      method: 'POST',
      route: '/test/probe',
      state: 'completed',
      response_status: 200,
    });
    expect((row as { request_hash: string }).request_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
