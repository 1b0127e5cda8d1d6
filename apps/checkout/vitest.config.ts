import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

// The checkout keeps no tables: only the Temporal dev server is needed.
export default defineCommerceVitestConfig({ temporal: true });
