import { defineConfig } from 'vitest/config';

// @commerce/test-kit depends on this package (its stores global setup starts these servers), so
// this package cannot use defineCommerceVitestConfig without a dependency cycle; the settings
// below mirror it. The tests start and stop the servers themselves.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
