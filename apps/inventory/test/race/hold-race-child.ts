// One contender of the hold race: a separate process with its own connection to the shared
// SQLite file. It prints `ready`, waits for `go` on stdin, then tries `attempts` one-unit holds
// as fast as it can and prints what it got as one JSON line.
import { openDatabase } from '@commerce/sqlite-store';
import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import { isInventoryError } from '../../src/domain/inventory-error.js';

const [file, sku, contender, attempts] = process.argv.slice(2);
if (!file || !sku || !contender || !attempts) throw new Error('usage: hold-race-child <db> <sku> <contender> <attempts>');

const repo = createSqliteStockRepository({ db: openDatabase({ filename: file }) });
const outcome = { contender, granted: 0, insufficient: 0, other: [] as string[] };

console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let i = 0; i < Number(attempts); i++) {
  try {
    await repo.hold({ holdId: `race:${contender}:${i}`, owner: `race:${contender}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 600 }, new Date().toISOString());
    outcome.granted++;
  } catch (error) {
    if (isInventoryError(error) && error.type === 'InsufficientStockError') outcome.insufficient++;
    else outcome.other.push(String(error));
  }
}
console.log(JSON.stringify(outcome));
