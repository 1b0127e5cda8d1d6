import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

// One real Temporal dev server (the inventory worker started from its deploy folder polls it) and
// the real stores (the store-migrations deploy folder runs against them).
export default defineCommerceVitestConfig({ temporal: true, stores: true, testTimeout: 240_000 });
