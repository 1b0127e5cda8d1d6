import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce/config';
import { loadOrderSagaConfig, orderSagaWriteStore, paymentProviderSettings } from './config.js';

describe('order-saga config', () => {
  it('defaults to the embedded profile, a reliable provider and a 10,000.00 credit limit', () => {
    const config = loadOrderSagaConfig({});
    expect(orderSagaWriteStore(config)).toEqual({
      store: 'sqlite',
      sqlitePath: '.data/commerce.db',
    });
    expect(paymentProviderSettings(config)).toEqual({ failureRate: 0, creditLimit: 1_000_000 });
    expect(config.CASSANDRA_KEYSPACE_ORDER_SAGA).toBe('order_saga');
  });

  it('selects Cassandra and reads the provider settings', () => {
    const config = loadOrderSagaConfig({
      CASSANDRA_CONTACT_POINTS: '10.0.0.1:9042, 10.0.0.2',
      CASSANDRA_KEYSPACE_ORDER_SAGA: 'staging_order_saga',
      SCHEMA_SETUP: 'false',
      PAYMENT_FAILURE_RATE: '0.25',
      PAYMENT_FAILURE_SEED: '42',
      PAYMENT_CREDIT_LIMIT: '50000',
    });
    expect(orderSagaWriteStore(config)).toEqual({
      store: 'cassandra',
      contactPoints: ['10.0.0.1:9042', '10.0.0.2'],
      localDataCenter: 'datacenter1',
      keyspace: 'staging_order_saga',
      migrate: false,
    });
    expect(paymentProviderSettings(config)).toEqual({
      failureRate: 0.25,
      failureSeed: 42,
      creditLimit: 50_000,
    });
  });

  it('lists every problem at once', () => {
    let problems: string[] = [];
    try {
      loadOrderSagaConfig({
        PAYMENT_FAILURE_RATE: '1.5',
        PAYMENT_CREDIT_LIMIT: '-1',
        CASSANDRA_KEYSPACE_ORDER_SAGA: 'order-saga',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems.join('\n')).toMatch(/PAYMENT_FAILURE_RATE/);
    expect(problems.join('\n')).toMatch(/PAYMENT_CREDIT_LIMIT/);
    expect(problems.join('\n')).toMatch(/CASSANDRA_KEYSPACE_ORDER_SAGA/);
  });
});
