import { startDevServer } from '@commerce/temporal-server';
import type { TestProject } from 'vitest/node';
import type { TemporalProvidedContext } from './temporal.js';

/**
 * Vitest globalSetup (enabled by `defineCommerceVitestConfig({ temporal: true })`): one real
 * Temporal dev server per test run — in memory, on free ports, headless, with the commerce
 * search attributes — whose address tests read with `inject('temporalAddress')` or the helpers
 * of `@commerce/test-kit/temporal`. The returned teardown stops it by PID.
 */
export default async function setupTemporal(project: TestProject): Promise<() => Promise<void>> {
  const server = await startDevServer({ uiPort: false });
  const provided: TemporalProvidedContext = {
    temporalAddress: server.address,
    temporalNamespace: server.namespace,
  };
  project.provide('temporalAddress', provided.temporalAddress);
  project.provide('temporalNamespace', provided.temporalNamespace);
  return async () => {
    await server.stop();
  };
}
