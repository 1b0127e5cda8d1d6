// Sums the Vitest JSON reports (reports/vitest.json) of every workspace package into one line:
// `tests: N passed, M failed` (+ `, K skipped` when any were skipped). A package whose tests ran
// but left no report counts as one failure, so a crash cannot read as green.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['apps', 'packages'];
const dirs = [...roots.flatMap((r) => (existsSync(r) ? readdirSync(r).map((d) => join(r, d)) : [])), 'bench'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of dirs) {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) continue;
  const hasTests = Boolean(JSON.parse(readFileSync(pkg, 'utf8')).scripts?.test);
  const report = join(dir, 'reports', 'vitest.json');
  if (!existsSync(report)) {
    if (hasTests) failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
