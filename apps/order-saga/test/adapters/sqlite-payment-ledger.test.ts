import { createSqlitePaymentLedger } from '../../src/adapters/sqlite/sqlite-payment-ledger.js';
import { describePaymentLedgerContract } from '../contract/payment-ledger.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

describePaymentLedgerContract('sqlite', () => {
  const temp = createTempDatabase('order-saga-ledger-');
  return {
    repo: createSqlitePaymentLedger({ db: temp.db }),
    other: createSqlitePaymentLedger({ db: temp.reopen() }),
    close: () => temp.cleanup(),
  };
});
