// generate-catalog --scale N --seed S --out file.ndjson
// Writes the deterministic catalog as NDJSON: collection lines, then {product, initialStock}
// lines. Streams line by line (any scale fits in memory) with a progress bar on stderr.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { CatalogSourceSchema } from '@commerce/contracts/inventory/schemas';
import { schemaProblems } from '@commerce/activity-kit/schema-check';
import { DEFAULT_CATALOG_SEED, generatedCatalog } from '../catalog/generated-catalog.js';

const USAGE = 'usage: generate-catalog [--scale N] [--seed S] --out file.ndjson';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: String(DEFAULT_CATALOG_SEED) }, out: { type: 'string' } },
  }));
} catch (error) {
  fail((error as Error).message);
}
const source = { kind: 'generated' as const, seed: Number(values.seed), scale: Number(values.scale) };
const generatedSourceSchema = CatalogSourceSchema.anyOf[0];
const problems = schemaProblems(generatedSourceSchema, source);
if (problems.length > 0) fail(`invalid option: ${problems.map((p) => p.replace(/^\//, '--')).join('; ')}`);
if (!values.out) fail('--out is required');

const catalog = generatedCatalog(source.seed, source.scale);
await mkdir(dirname(values.out), { recursive: true });
const out = createWriteStream(values.out);
const bar = new cliProgress.SingleBar(
  { format: 'catalog [{bar}] {percentage}% | {value}/{total} lines | eta {eta}s', stream: process.stderr, etaBuffer: 500 },
  cliProgress.Presets.shades_classic,
);
bar.start(catalog.total, 0);
for (let i = 0; i < catalog.total; i++) {
  if (!out.write(`${JSON.stringify(catalog.line(i))}\n`)) await once(out, 'drain');
  if (i % 250 === 0) bar.update(i);
}
bar.update(catalog.total);
bar.stop();
out.end();
await once(out, 'finish');
console.error(`wrote ${catalog.total} lines (seed ${source.seed}, scale ${source.scale}) to ${values.out}`);
