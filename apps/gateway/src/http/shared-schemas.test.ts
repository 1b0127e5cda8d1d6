import { Type, type TSchema } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { OrderSagaStateSchema } from '@commerce/contracts/order-saga/schemas';
import { shared } from './shared-schemas.js';
import { createValidatorFactory } from './validator-compiler.js';

/** Whether the gateway's JSON Schema validation (its Ajv settings) accepts `value` against `schema`. */
async function accepts(schema: TSchema, value: unknown): Promise<boolean> {
  const app = Fastify({
    schemaController: { compilersFactory: { buildValidator: createValidatorFactory() } },
  });
  app.post('/', { schema: { body: schema } }, () => ({ ok: true }));
  try {
    const response = await app.inject({ method: 'POST', url: '/', payload: value as object });
    return response.statusCode === 200;
  } finally {
    await app.close();
  }
}

describe('shared()', () => {
  it('turns embedded $id schemas into $refs', () => {
    const Money = Type.Object({ amount: Type.Integer() }, { $id: 'Money' });
    const schema = shared(Type.Object({ total: Money }));
    expect(schema.properties.total).toEqual({ $ref: 'Money' });
  });

  it("accepts the saga state's approval and cancellation records (closed objects with their timestamps)", async () => {
    const { approval, cancellation } = OrderSagaStateSchema.properties;
    const decided = { approved: true, approvedBy: 'admin:ops', reason: 'verified', decidedAt: '2026-01-01T00:00:00Z' };
    const requested = { cancelledBy: 'api', reason: 'changed my mind', requestedAt: '2026-01-01T00:00:00Z' };
    const schema = shared(Type.Object({ approval, cancellation }));
    expect(await accepts(schema, { approval: decided, cancellation: requested })).toBe(true);
    expect(await accepts(schema, { approval: null, cancellation: null })).toBe(true);
    expect(await accepts(schema, { approval: { ...decided, extra: 1 }, cancellation: null })).toBe(false);
    expect(await accepts(schema, { approval: { approved: true }, cancellation: null })).toBe(false);
  });
});
