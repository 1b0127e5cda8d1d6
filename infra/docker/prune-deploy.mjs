#!/usr/bin/env node
// Trims a `pnpm deploy` folder for the platform it will run on (the image build runs this on
// the same OS/arch as the runtime stage): @temporalio/core-bridge ships its native module for
// every supported platform (~28 MB each); only the one its own loader picks is kept.
// Usage: node infra/docker/prune-deploy.mjs <deploy folder>
/* global process, console */
/* eslint-disable no-console -- a build step that reports what it removed */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined || !existsSync(join(dir, 'node_modules'))) {
  console.error('usage: prune-deploy.mjs <folder made by pnpm deploy>');
  process.exit(2);
}

function bytes(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + bytes(join(path, entry)), 0);
}

const store = join(dir, 'node_modules', '.pnpm');
let freed = 0;
for (const id of readdirSync(store).filter((entry) =>
  entry.startsWith('@temporalio+core-bridge@'),
)) {
  const bridge = join(store, id, 'node_modules', '@temporalio', 'core-bridge');
  // The package's own answer to "which release folder do I load here?"
  const { getPrebuiltTargetName } = createRequire(join(bridge, 'package.json'))('./common.js');
  const keep = getPrebuiltTargetName();
  const releases = join(bridge, 'releases');
  if (!existsSync(join(releases, keep, 'index.node'))) {
    console.error(`${bridge}: no native module for this platform (releases/${keep}/index.node)`);
    process.exit(1);
  }
  for (const target of readdirSync(releases).filter((entry) => entry !== keep)) {
    freed += bytes(join(releases, target));
    rmSync(join(releases, target), { recursive: true, force: true });
  }
  console.log(`${id}: kept releases/${keep}`);
}
console.log(`pruned ${(freed / 1024 / 1024).toFixed(1)} MB from ${dir}`);
