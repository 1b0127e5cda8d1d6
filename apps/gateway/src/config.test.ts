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

  it('selects the catalog read model: SQLite by default, Elasticsearch when a URL is given', () => {
    expect(loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN }).search).toEqual({ engine: 'sqlite' });
    expect(
      loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, ELASTICSEARCH_URL: 'http://es.internal:9200/' })
        .search,
    ).toEqual({ engine: 'elasticsearch', url: 'http://es.internal:9200', indexPrefix: '', installIndices: true });
    expect(
      loadConfig({
        ADMIN_BOOTSTRAP_TOKEN: TOKEN,
        SEARCH: 'elasticsearch',
        ELASTICSEARCH_URL: 'https://es.internal',
        ELASTICSEARCH_INDEX_PREFIX: 'staging_',
        SCHEMA_SETUP: 'false',
      }).search,
    ).toEqual({ engine: 'elasticsearch', url: 'https://es.internal', indexPrefix: 'staging_', installIndices: false });
    expect(
      loadConfig({
        ADMIN_BOOTSTRAP_TOKEN: TOKEN,
        SEARCH: 'sqlite',
        ELASTICSEARCH_URL: 'http://es.internal:9200',
      }).search,
    ).toEqual({ engine: 'sqlite' });
  });

  it('refuses an Elasticsearch read model without a URL, and bad search settings', () => {
    try {
      loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, SEARCH: 'elasticsearch', PORT: 'eighty' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('ELASTICSEARCH_URL: required when SEARCH=elasticsearch');
      expect(problems).toContain('PORT');
    }
    expect(() => loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, SEARCH: 'elasticsearch' })).toThrow(
      /ELASTICSEARCH_URL: required/,
    );
    for (const bad of [
      { SEARCH: 'solr' },
      { ELASTICSEARCH_URL: 'es.internal:9200' },
      { ELASTICSEARCH_URL: 'http://es', ELASTICSEARCH_INDEX_PREFIX: 'Upper_' },
    ]) {
      expect(
        () => loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, ...bad }),
        JSON.stringify(bad),
      ).toThrow(ConfigError);
    }
  });

  it('passes the order settings into every saga input, with the documented defaults', () => {
    expect(loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN }).orders).toEqual({
      approvalThreshold: 500_000,
      approvalWindowMs: 86_400_000,
      holdTtlSeconds: 900,
      returnWindowMs: 604_800_000,
      fulfillmentMode: 'auto',
      simulatedStageMs: 15_000,
      dropshipPollMs: 10_000,
    });
    expect(
      loadConfig({
        ADMIN_BOOTSTRAP_TOKEN: TOKEN,
        ORDER_APPROVAL_THRESHOLD: '100000',
        ORDER_APPROVAL_WINDOW_MS: '3000',
        ORDER_RETURN_WINDOW_MS: '60000',
        ORDER_HOLD_TTL_SECONDS: '60',
        MANUAL_FULFILLMENT: 'true',
        FULFILLMENT_STAGE_MS: '100',
        DROPSHIP_POLL_MS: '200',
      }).orders,
    ).toEqual({
      approvalThreshold: 100_000,
      approvalWindowMs: 3_000,
      holdTtlSeconds: 60,
      returnWindowMs: 60_000,
      fulfillmentMode: 'manual',
      simulatedStageMs: 100,
      dropshipPollMs: 200,
    });
  });

  it('keeps the idempotency records in SQLite by default and in Cassandra when it is configured', () => {
    expect(loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, SQLITE_PATH: '/tmp/x.db' }).store).toEqual({
      store: 'sqlite',
      sqlitePath: '/tmp/x.db',
    });
    expect(
      loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, CASSANDRA_CONTACT_POINTS: 'c1:9042, c2' }).store,
    ).toEqual({
      store: 'cassandra',
      contactPoints: ['c1:9042', 'c2'],
      localDataCenter: 'datacenter1',
      keyspace: 'gateway',
      migrate: true,
    });
    expect(
      loadConfig({
        ADMIN_BOOTSTRAP_TOKEN: TOKEN,
        STORE: 'cassandra',
        CASSANDRA_CONTACT_POINTS: 'c1',
        CASSANDRA_KEYSPACE_GATEWAY: 'staging_gateway',
        SCHEMA_SETUP: 'false',
      }).store,
    ).toMatchObject({ keyspace: 'staging_gateway', migrate: false });
    expect(
      loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN, STORE: 'sqlite', CASSANDRA_CONTACT_POINTS: 'c1' })
        .store.store,
    ).toBe('sqlite');
  });

  it('lists a missing Cassandra together with every other problem', () => {
    try {
      loadConfig({ STORE: 'cassandra', ORDER_APPROVAL_THRESHOLD: '-1', MANUAL_FULFILLMENT: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('CASSANDRA_CONTACT_POINTS: required when STORE=cassandra');
      expect(problems).toContain('ORDER_APPROVAL_THRESHOLD');
      expect(problems).toContain('MANUAL_FULFILLMENT');
      expect(problems).toContain('ADMIN_BOOTSTRAP_TOKEN');
    }
  });

  it("builds every cart's settings (and its checkouts' and orders') from CART_* / CHECKOUT_*", () => {
    const defaults = loadConfig({ ADMIN_BOOTSTRAP_TOKEN: TOKEN });
    expect(defaults.cart).toEqual({
      holdTtlSeconds: 900,
      holdKeepAliveMs: 3_600_000,
      idleTimeoutMs: 30 * 86_400_000,
      continueAsNewAfterUpdates: 100,
      rememberedUpdateIds: 500,
      estimatedTaxRateBps: 0,
      checkout: { timeoutMs: 3_600_000, holdMarginSeconds: 300, order: defaults.orders },
    });
    const tuned = loadConfig({
      ADMIN_BOOTSTRAP_TOKEN: TOKEN,
      CART_HOLD_TTL_SECONDS: '60',
      CART_HOLD_KEEPALIVE_MS: '120000',
      CART_IDLE_TIMEOUT_MS: '600000',
      CART_CONTINUE_AS_NEW_AFTER: '10',
      CART_ESTIMATED_TAX_BPS: '825',
      CHECKOUT_TIMEOUT_MS: '5000',
      CHECKOUT_HOLD_MARGIN_SECONDS: '0',
      MANUAL_FULFILLMENT: 'true',
    });
    expect(tuned.cart).toMatchObject({
      holdTtlSeconds: 60,
      holdKeepAliveMs: 120_000,
      idleTimeoutMs: 600_000,
      continueAsNewAfterUpdates: 10,
      estimatedTaxRateBps: 825,
      checkout: { timeoutMs: 5_000, holdMarginSeconds: 0, order: { fulfillmentMode: 'manual' } },
    });
    try {
      loadConfig({
        ADMIN_BOOTSTRAP_TOKEN: TOKEN,
        CART_HOLD_TTL_SECONDS: '0',
        CART_ESTIMATED_TAX_BPS: '10001',
        CHECKOUT_TIMEOUT_MS: 'soon',
      });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['CART_HOLD_TTL_SECONDS', 'CART_ESTIMATED_TAX_BPS', 'CHECKOUT_TIMEOUT_MS'])
        expect(problems).toContain(key);
    }
  });
});
