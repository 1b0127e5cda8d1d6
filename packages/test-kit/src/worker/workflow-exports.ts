import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { workflowBundle } from './workflow-bundle.js';

/**
 * Checks that every `*_WORKFLOW` constant of a domain's contracts module (its workflow type
 * names) is an exported function of the worker's workflows entry, and returns those names.
 * Fails listing every missing one: a workflow the gateway or another domain starts by name that
 * this worker would not know.
 */
export async function checkWorkflowExports(
  contractsModule: Record<string, unknown>,
  workflows: string | Record<string, unknown>,
): Promise<string[]> {
  const names = Object.entries(contractsModule)
    .filter(([key, value]) => key.endsWith('_WORKFLOW') && typeof value === 'string')
    .map(([, value]) => value as string)
    .sort();
  if (names.length === 0) throw new Error('the contracts module has no *_WORKFLOW constant');
  const exported =
    typeof workflows === 'string'
      ? ((await import(pathToFileURL(workflows).href)) as Record<string, unknown>)
      : workflows;
  const missing = names.filter((name) => typeof exported[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(
      `workflows entry ${typeof workflows === 'string' ? workflows : '(module)'} does not export: ${missing.join(', ')}`,
    );
  }
  return names;
}

/**
 * Node-only code that must never reach a workflow bundle (stores, drivers, process kits). The
 * bundler already fails on Node built-ins; these are pure JS and would bundle "fine".
 */
export const NODE_ONLY_IN_BUNDLE =
  /better-sqlite3|cassandra-driver|@elastic\/elasticsearch|@commerce\/(?:sqlite-store|cassandra-store|elasticsearch-store|catalog-search|logging|config|worker-runtime|process-kit|test-kit)|\bpino\b|@temporalio\/(?:activity|client|worker|testing)\//;

/**
 * Bundles the workflows for the sandbox (a Node-only import fails here, as it would at worker
 * start) and asserts that the bundle holds every named workflow and no Node-only kit.
 */
export async function expectWorkflowBundle(
  workflowsPath: string,
  names: readonly string[],
): Promise<void> {
  const { code } = await workflowBundle(workflowsPath);
  for (const name of names) expect(code, `workflow ${name} in the bundle`).toContain(name);
  expect(code).not.toMatch(NODE_ONLY_IN_BUNDLE);
}
