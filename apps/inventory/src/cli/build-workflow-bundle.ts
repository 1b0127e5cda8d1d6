// Build step: bundles the inventory workflows into dist/workflow-bundle.js, which production
// workers load instead of bundling at start-up.
import { fileURLToPath } from 'node:url';
import { buildWorkflowBundle } from '@commerce/worker-runtime/bundle';

const workflowsPath = fileURLToPath(new URL('../workflows/index.js', import.meta.url));
const outFile = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));

const { bytes } = await buildWorkflowBundle({ workflowsPath, outFile });
console.error(`inventory workflow bundle: ${outFile} (${Math.round(bytes / 1024)} KiB)`);
