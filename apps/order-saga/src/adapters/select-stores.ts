import type { WriteStoreSettings } from '@commerce/config';
import { selectWriteStore, type SelectedWriteStore } from '@commerce/worker-runtime/write-store';
import type { PaymentLedgerRepository } from '../ports/payment-ledger.js';
import { createCassandraPaymentLedger } from './cassandra/cassandra-payment-ledger.js';
import { migrateOrderSaga } from './sqlite/migrations.js';
import { createSqlitePaymentLedger } from './sqlite/sqlite-payment-ledger.js';

/** The payments ledger, where it lives (for the start-up log line) and `close`. */
export type SelectedStores = SelectedWriteStore<{ ledger: PaymentLedgerRepository }>;

/**
 * The payments ledger's store as configured: the embedded profile's shared SQLite file (tables
 * `saga_*`, migrated here), or the order_saga keyspace in Cassandra (created and migrated here
 * when SCHEMA_SETUP, idempotently and safely from several replicas; else it must exist).
 */
export function selectStores(settings: WriteStoreSettings): Promise<SelectedStores> {
  return selectWriteStore(settings, {
    cqlFolder: 'order_saga',
    applicationName: 'order-saga-worker',
    migrateSqlite: migrateOrderSaga,
    sqlite: (db) => ({ ledger: createSqlitePaymentLedger({ db }) }),
    cassandra: (client) => ({ ledger: createCassandraPaymentLedger({ client }) }),
  });
}
