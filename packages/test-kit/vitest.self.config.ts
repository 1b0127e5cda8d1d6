import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { defineCommerceVitestConfig } from './src/vitest-config.js';

// test-kit tests its own Temporal global setup, so the setup is loaded from source here
// (the shared config points at the built dist/temporal-global-setup.js).
export default mergeConfig(defineCommerceVitestConfig({ temporal: false }), {
  test: {
    globalSetup: [fileURLToPath(new URL('./src/temporal-global-setup.ts', import.meta.url))],
  },
});
