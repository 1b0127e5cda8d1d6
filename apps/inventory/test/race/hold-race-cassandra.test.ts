import { afterAll, describe, it } from 'vitest';
import { testStores } from '@commerce/test-kit/stores';
import { createCassandraStockRepository } from '../../src/adapters/cassandra/cassandra-stock-repository.js';
import { createTestKeyspace } from '../support/cassandra-keyspace.js';
import { runHoldRace } from './run-hold-race.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('holding the last units of one SKU from many processes at once (Cassandra)', () => {
  const ks = createTestKeyspace('inv_race');
  afterAll(() => ks.drop());

  // Contended lightweight transactions take ~0.2–1 s each here (Paxos back-off on 2 shared
  // cores): the race is kept to 100 attempts on 25 units and given a generous timeout.
  it('grants exactly the available units, never more', async () => {
    const summary = await runHoldRace({
      store: { kind: 'cassandra', contactPoints: ks.contactPoints, localDataCenter: ks.localDataCenter, keyspace: ks.keyspace },
      repo: createCassandraStockRepository({ client: await ks.client() }),
      local: createCassandraStockRepository({ client: await ks.newClient() }),
      sku: 'RACE-1',
      processes: 8,
      attemptsPerProcess: 10,
      inProcessAttempts: 20,
      available: 25,
    });
    console.log(`hold race (cassandra): ${summary}`);
  }, 300_000);
});
