import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

export default defineCommerceVitestConfig({ temporal: true, stores: true });
