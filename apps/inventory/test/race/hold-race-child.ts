// One contender of the hold race: a separate process with its own connection to the store
// (argv: the RaceStore as JSON). It prints `ready`, waits for `go` on stdin, then tries
// `attempts` one-unit holds as fast as it can and prints what it got as one JSON line.
import { isInventoryError } from '../../src/domain/inventory-error.js';
import { openRaceRepository, type RaceStore } from './race-store.js';

const [store, sku, contender, attempts] = process.argv.slice(2);
if (!store || !sku || !contender || !attempts) throw new Error('usage: hold-race-child <store-json> <sku> <contender> <attempts>');

const { repo, close } = openRaceRepository(JSON.parse(store) as RaceStore);
const outcome = { contender, granted: 0, insufficient: 0, other: [] as string[], holdMs: [] as number[] };

console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let i = 0; i < Number(attempts); i++) {
  const started = Date.now();
  try {
    await repo.hold({ holdId: `race:${contender}:${i}`, owner: `race:${contender}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 600 }, new Date().toISOString());
    outcome.granted++;
  } catch (error) {
    if (isInventoryError(error) && error.type === 'InsufficientStockError') outcome.insufficient++;
    else outcome.other.push(String(error));
  }
  outcome.holdMs.push(Date.now() - started);
}
await close();
console.log(JSON.stringify(outcome));
