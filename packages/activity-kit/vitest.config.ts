import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

export default defineCommerceVitestConfig();
