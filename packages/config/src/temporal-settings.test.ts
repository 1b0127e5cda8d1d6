import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { TemporalSettingsSchema } from './temporal-settings.js';

describe('TemporalSettingsSchema', () => {
  it('defaults to the local dev server and the default namespace', () => {
    const settings = Value.Default(TemporalSettingsSchema, {});
    expect(settings).toEqual({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default' });
    expect(Value.Check(TemporalSettingsSchema, settings)).toBe(true);
  });

  it('accepts host:port and rejects malformed addresses or namespaces', () => {
    expect(
      Value.Check(TemporalSettingsSchema, {
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_NAMESPACE: 'shop',
      }),
    ).toBe(true);
    for (const bad of ['localhost', 'http://x:7233', 'host:port', ':7233', 'a b:1']) {
      expect(
        Value.Check(TemporalSettingsSchema, {
          TEMPORAL_ADDRESS: bad,
          TEMPORAL_NAMESPACE: 'default',
        }),
        bad,
      ).toBe(false);
    }
    expect(
      Value.Check(TemporalSettingsSchema, { TEMPORAL_ADDRESS: 'h:1', TEMPORAL_NAMESPACE: '' }),
    ).toBe(false);
  });
});
