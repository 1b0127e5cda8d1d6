// `commerce-workflow-bundle [workflows entry] [out file]`, run by an app's build script from the
// app's folder after tsc: bundles dist/workflows/index.js into dist/workflow-bundle.js, which
// production workers load instead of bundling at start-up (runWorkerProcess finds it there).
import { relative, resolve } from 'node:path';
import { DefaultLogger } from '@temporalio/worker';
import { buildWorkflowBundle } from '../bundle.js';

const [workflowsArg = 'dist/workflows/index.js', outArg = 'dist/workflow-bundle.js'] =
  process.argv.slice(2);
const workflowsPath = resolve(workflowsArg);
const outFile = resolve(outArg);

try {
  const { bytes } = await buildWorkflowBundle({
    workflowsPath,
    outFile,
    logger: new DefaultLogger('WARN'),
  });
  console.error(
    `workflow bundle: ${relative(process.cwd(), outFile)} (${Math.round(bytes / 1024)} KiB)`,
  );
} catch (err) {
  console.error(
    `workflow bundle of ${workflowsPath} failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
}
