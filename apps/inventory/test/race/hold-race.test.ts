import { afterAll, describe, it } from 'vitest';
import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import { createTempDatabase } from '../support/temp-database.js';
import { runHoldRace } from './run-hold-race.js';

describe('holding the last units of one SKU from many processes at once (SQLite)', () => {
  const temp = createTempDatabase('inventory-race-');
  afterAll(() => temp.cleanup());

  it('grants exactly the available units, never more', async () => {
    const summary = await runHoldRace({
      store: { kind: 'sqlite', file: temp.file },
      repo: createSqliteStockRepository({ db: temp.db }),
      local: createSqliteStockRepository({ db: temp.reopen() }),
      sku: 'RACE-1',
      processes: 8,
      attemptsPerProcess: 10,
      inProcessAttempts: 20,
      available: 25,
    });
    console.log(`hold race (sqlite): ${summary}`);
  }, 120_000);
});
