export { loadDevStackConfig, type DevStackConfig } from './config.js';
export { startStack, type StackHandle, type StackOptions } from './stack.js';
export { seedCatalog, type SeedOptions } from './seed-catalog.js';
export { startServiceProcess, waitForHttpOk, type ServiceProcess, type ServiceProcessOptions } from './service-process.js';
export { loadOrCreateAdminToken } from './admin-token.js';
