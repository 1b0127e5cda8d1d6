import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './index.js';

const Schema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DEBUG: Type.Boolean({ default: false }),
  TOKEN: Type.String({ minLength: 8 }),
});

describe('parseEnv', () => {
  it('applies defaults and converts types', () => {
    expect(parseEnv(Schema, { TOKEN: 'abcdefgh', DEBUG: 'true', OTHER: 'x' })).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      DEBUG: true,
      TOKEN: 'abcdefgh',
    });
  });

  it('lists every problem at once', () => {
    try {
      parseEnv(Schema, { PORT: 'eighty', TOKEN: 'short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('TOKEN');
    }
  });
});
