import { createSqliteNotificationLog } from '../../src/adapters/sqlite/sqlite-notification-log.js';
import { createSqliteSupplierOrderRepository } from '../../src/adapters/sqlite/sqlite-supplier-order-repository.js';
import { createSqliteSupplierOrderSearch } from '../../src/adapters/sqlite/sqlite-supplier-order-search.js';
import { describeNotificationLogContract } from '../contract/notification-log.contract.js';
import { describeSupplierOrderRepositoryContract } from '../contract/supplier-order-repository.contract.js';
import { describeSupplierOrderSearchContract } from '../contract/supplier-order-search.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

describeSupplierOrderRepositoryContract('sqlite', () => {
  const temp = createTempDatabase('fulfillment-orders-');
  return {
    repo: createSqliteSupplierOrderRepository({ db: temp.db }),
    close: () => temp.cleanup(),
  };
});

describeNotificationLogContract('sqlite', () => {
  const temp = createTempDatabase('fulfillment-notifications-');
  return { log: createSqliteNotificationLog({ db: temp.db }), close: () => temp.cleanup() };
});

describeSupplierOrderSearchContract('sqlite', () => {
  const temp = createTempDatabase('fulfillment-search-');
  return { search: createSqliteSupplierOrderSearch({ db: temp.db }), close: () => temp.cleanup() };
});
