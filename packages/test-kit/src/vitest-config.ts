import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export interface CommerceVitestOptions {
  /** Start one real Temporal dev server for the whole run (see temporal-global-setup). */
  temporal?: boolean;
  /**
   * Provide one real Cassandra and Elasticsearch for the whole run (see stores-global-setup;
   * tests read them with `testStores()` from `@commerce/test-kit/stores`).
   */
  stores?: boolean;
  /** Per-test timeout; real servers on a 2-core machine need generous limits. */
  testTimeout?: number;
  setupFiles?: string[];
}

/**
 * The one Vitest configuration of the monorepo: unit tests beside the code, integration tests
 * under test/, the default `forks` pool (Temporal's native bridge), and a JSON report under
 * reports/ that CI sums into its `tests: N passed, M failed` line.
 */
export function defineCommerceVitestConfig(options: CommerceVitestOptions = {}): ViteUserConfig {
  const { temporal = false, stores = false, testTimeout = 60_000, setupFiles = [] } = options;
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      pool: 'forks',
      testTimeout,
      hookTimeout: Math.max(testTimeout, 120_000),
      teardownTimeout: 30_000,
      setupFiles,
      globalSetup: [
        ...(temporal
          ? [fileURLToPath(new URL('./temporal-global-setup.js', import.meta.url))]
          : []),
        ...(stores ? [fileURLToPath(new URL('./stores-global-setup.js', import.meta.url))] : []),
      ],
      reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    },
  });
}
