import { defineCommerceVitestConfig } from './src/vitest-config.js';

export default defineCommerceVitestConfig({ temporal: false });
