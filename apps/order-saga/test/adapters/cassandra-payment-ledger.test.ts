import { afterAll, describe } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraPaymentLedger } from '../../src/adapters/cassandra/cassandra-payment-ledger.js';
import { describePaymentLedgerContract } from '../contract/payment-ledger.contract.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra payment ledger', () => {
  const ks = createTestKeyspace('saga_ledger');
  afterAll(() => ks.drop());

  // Orders are unique per test, so the tests share the keyspace without truncating it.
  describePaymentLedgerContract('cassandra', async () => ({
    repo: createCassandraPaymentLedger({ client: await ks.client() }),
    other: createCassandraPaymentLedger({ client: await ks.newClient() }),
    close: () => undefined,
  }));
});
