import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

export default defineCommerceVitestConfig({ testTimeout: 120_000 });
