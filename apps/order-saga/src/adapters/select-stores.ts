import type { WriteStoreSettings } from '@commerce/config';
import { connectDomainKeyspace } from '@commerce/cassandra-store';
import { openDatabase } from '@commerce/sqlite-store';
import type { PaymentLedgerRepository } from '../ports/payment-ledger.js';
import { createCassandraPaymentLedger } from './cassandra/cassandra-payment-ledger.js';
import { migrateOrderSaga } from './sqlite/migrations.js';
import { createSqlitePaymentLedger } from './sqlite/sqlite-payment-ledger.js';

export interface SelectedStores {
  ledger: PaymentLedgerRepository;
  /** Where it lives, for the start-up log line. */
  description: string;
  /** Closes the database or shuts the Cassandra client down. */
  close: () => Promise<void>;
}

/**
 * The payments ledger's store as configured: the embedded profile's shared SQLite file (tables
 * `saga_*`, migrated here), or the order_saga keyspace in Cassandra (created and migrated here
 * when SCHEMA_SETUP, idempotently and safely from several replicas; else it must exist).
 */
export async function selectStores(settings: WriteStoreSettings): Promise<SelectedStores> {
  if (settings.store === 'sqlite') {
    const db = openDatabase({ filename: settings.sqlitePath });
    try {
      migrateOrderSaga(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return {
      ledger: createSqlitePaymentLedger({ db }),
      description: `sqlite ${settings.sqlitePath}`,
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const { client, description, close } = await connectDomainKeyspace({
    ...settings,
    cqlFolder: 'order_saga',
    applicationName: 'order-saga-worker',
  });
  return {
    ledger: createCassandraPaymentLedger({ client }),
    description,
    close,
  };
}
