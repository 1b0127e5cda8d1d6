import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '@commerce/sqlite-store';
import { migrateOms } from '../../src/adapters/sqlite/migrations.js';
import { createSqliteOrderRepository } from '../../src/adapters/sqlite/sqlite-order-repository.js';
import { createSqliteTimelineRepository } from '../../src/adapters/sqlite/sqlite-timeline-repository.js';
import { describeOrderRepositoryContract } from '../contract/order-repository.contract.js';
import { describeTimelineRepositoryContract } from '../contract/timeline-repository.contract.js';
import { createTempDatabase } from '../support/temp-database.js';

const temp = createTempDatabase();
afterAll(() => temp.cleanup());

describeOrderRepositoryContract('sqlite', () => Promise.resolve(createSqliteOrderRepository({ db: temp.db })));
describeTimelineRepositoryContract('sqlite', () => Promise.resolve(createSqliteTimelineRepository({ db: temp.db })));

describe('SQLite OMS tables', () => {
  it('migrate idempotently beside other owners, with oms_ names only', () => {
    const other = createTempDatabase();
    try {
      migrate(other.db, 'inventory', [{ version: 1, name: 'x', sql: 'CREATE TABLE inv_x (id TEXT)' }]);
      expect(migrateOms(other.db)).toEqual({ owner: 'oms', applied: [], current: 1 });
      const names = other.db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name")
        .all()
        .map((r) => r.name);
      expect(names).toEqual(['inv_x', 'oms_order_timeline', 'oms_orders']);
    } finally {
      other.cleanup();
    }
  });
});
