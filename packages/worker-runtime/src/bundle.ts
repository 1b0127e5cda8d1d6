import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface BuildWorkflowBundleOptions {
  workflowsPath: string;
  /** Where to write the bundle (its folder is created); load it with `workflowSource`. */
  outFile: string;
  /** Passed to the SDK bundler (webpack progress and warnings). */
  logger?: BundleOptions['logger'];
}

export interface BuiltWorkflowBundle {
  outFile: string;
  bytes: number;
}

/**
 * Bundles an app's workflows with the SDK's `bundleWorkflowCode` and writes the code to
 * `outFile` (atomically, via a temporary file). Apps call it from their build step so production
 * workers start from a prebuilt bundle; a bad import in workflow code fails here.
 */
export async function buildWorkflowBundle(
  options: BuildWorkflowBundleOptions,
): Promise<BuiltWorkflowBundle> {
  const { workflowsPath, outFile, logger } = options;
  const { code } = await bundleWorkflowCode({ workflowsPath, ...(logger ? { logger } : {}) });
  await mkdir(dirname(outFile), { recursive: true });
  const temporary = `${outFile}.${randomUUID()}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, outFile);
  return { outFile, bytes: Buffer.byteLength(code) };
}
