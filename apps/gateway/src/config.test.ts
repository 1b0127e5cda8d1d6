import { ConfigError } from '@commerce/config';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const TOKEN = 'a-bootstrap-token-of-32-characters!';

describe('gateway config', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      sqlitePath: '.data/commerce.db',
      logLevel: 'info',
      bodyLimitBytes: 65_536,
      corsOrigins: '*',
      publicUrl: undefined,
      temporal: { address: '127.0.0.1:7233', namespace: 'default', uiUrl: 'http://127.0.0.1:8233' },
    });
  });

  it('parses lists and numbers and trims trailing slashes', () => {
    const config = loadConfig({
      ADMIN_BOOTSTRAP_TOKEN: TOKEN,
      PORT: '8080',
      CORS_ORIGINS: 'https://shop.example, https://admin.example ,',
      TEMPORAL_UI_URL: 'http://temporal.internal:8233/',
      PUBLIC_URL: 'https://api.example/',
    });
    expect(config.port).toBe(8080);
    expect(config.corsOrigins).toEqual(['https://shop.example', 'https://admin.example']);
    expect(config.temporal.uiUrl).toBe('http://temporal.internal:8233');
    expect(config.publicUrl).toBe('https://api.example');
  });

  it('requires an admin token of at least 24 characters and lists every problem', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    try {
      loadConfig({ ADMIN_BOOTSTRAP_TOKEN: 'short', PORT: 'eighty', BODY_LIMIT_BYTES: '-1' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('ADMIN_BOOTSTRAP_TOKEN');
      expect(problems).toContain('PORT');
      expect(problems).toContain('BODY_LIMIT_BYTES');
    }
  });
});
