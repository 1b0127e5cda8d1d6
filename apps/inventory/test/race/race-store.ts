import { createCassandraClient } from '@commerce/cassandra-store';
import { openDatabase } from '@commerce/sqlite-store';
import { createCassandraStockRepository } from '../../src/adapters/cassandra/cassandra-stock-repository.js';
import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import type { StockRepository } from '../../src/ports/stock-repository.js';

/** Where a race contender finds the store: a SQLite file, or a Cassandra keyspace. */
export type RaceStore =
  | { kind: 'sqlite'; file: string }
  | { kind: 'cassandra'; contactPoints: string[]; localDataCenter: string; keyspace: string };

/** A repository with its own connection to the store (as a separate process would have). */
export function openRaceRepository(store: RaceStore): { repo: StockRepository; close: () => Promise<void> } {
  if (store.kind === 'sqlite') {
    const db = openDatabase({ filename: store.file });
    return {
      repo: createSqliteStockRepository({ db }),
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const client = createCassandraClient({ ...store, applicationName: 'inventory-hold-race' });
  return { repo: createCassandraStockRepository({ client }), close: () => client.shutdown() };
}
