// Own config (not @commerce/test-kit's, which depends on this package through temporal-server and
// local-servers): the settings mirror temporal-server's — real child processes on a busy 2-core
// machine need generous timeouts; forks pool like every other package.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
