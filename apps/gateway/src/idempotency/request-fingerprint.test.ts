import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintRequest } from './request-fingerprint.js';

describe('request fingerprint', () => {
  it('ignores key order at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const one = fingerprintRequest({
      params: { sku: 'A-1' },
      query: {},
      body: { onHand: 5, reason: 'count' },
    });
    const two = fingerprintRequest({
      params: { sku: 'A-1' },
      query: {},
      body: { reason: 'count', onHand: 5 },
    });
    expect(one).toBe(two);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the body or the path parameters differ', () => {
    const base = { params: { sku: 'A-1' }, query: {}, body: { onHand: 5, reason: 'count' } };
    const fp = fingerprintRequest(base);
    expect(fingerprintRequest({ ...base, body: { onHand: 6, reason: 'count' } })).not.toBe(fp);
    expect(fingerprintRequest({ ...base, params: { sku: 'A-2' } })).not.toBe(fp);
    expect(fingerprintRequest({ ...base, body: { onHand: '5', reason: 'count' } })).not.toBe(fp);
  });
});
