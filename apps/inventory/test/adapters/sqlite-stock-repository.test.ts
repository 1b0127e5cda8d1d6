import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import { describeStockRepositoryContract } from '../contract/stock-repository.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

describeStockRepositoryContract('sqlite', () => {
  const temp = createTempDatabase('inventory-stock-');
  const corrupt = temp.db.prepare(
    'UPDATE inv_stock SET on_hand = @onHand, available = @available, held = @held, confirmed = @confirmed, allocated = @allocated WHERE sku = @sku',
  );
  return {
    repo: createSqliteStockRepository({ db: temp.db }),
    corruptCounters: (sku, counters) => {
      corrupt.run({ sku, ...counters });
    },
    close: () => temp.cleanup(),
  };
});
