import { SingleBar, Presets } from 'cli-progress';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  IMPORT_CATALOG_WORKFLOW,
  INVENTORY_TASK_QUEUE,
  importCatalogWorkflowId,
  importProgressQuery,
  type ImportCatalogWorkflow,
  type ImportProgress,
} from '@commerce/contracts/inventory';

export interface SeedOptions {
  client: Client;
  seed: number;
  scale: number;
  /** Draw a progress bar on this stream (a TTY); otherwise report milestones through `log`. */
  progressStream?: NodeJS.WriteStream;
  log: (message: string) => void;
}

/**
 * Seeds the generated catalog through importCatalogWorkflow. The workflow id is derived from the
 * seed and scale, so a second start finds the first import and does nothing new (idempotent);
 * the import itself is idempotent per product too.
 */
export async function seedCatalog(options: SeedOptions): Promise<ImportProgress> {
  const { client, seed, scale, log } = options;
  const importId = `seed-${seed}-x${scale}`;
  const workflowId = importCatalogWorkflowId(importId);
  try {
    await client.workflow.start<ImportCatalogWorkflow>(IMPORT_CATALOG_WORKFLOW, {
      workflowId,
      taskQueue: INVENTORY_TASK_QUEUE,
      args: [{ importId, source: { kind: 'generated', seed, scale } }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    log(`seeding the generated catalog (seed ${seed}, scale ${scale}) through ${workflowId}`);
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const handle = client.workflow.getHandle<ImportCatalogWorkflow>(workflowId);
  const description = await handle.describe();
  if (description.status.name === 'COMPLETED') {
    const result = await handle.result();
    log(`catalog already seeded: ${result.total} products (${workflowId})`);
    return result;
  }
  if (description.status.name !== 'RUNNING') {
    throw new Error(`the seed import ${workflowId} ended as ${description.status.name}; see the Temporal UI`);
  }
  return followProgress(options, handle);
}

async function followProgress(
  options: SeedOptions,
  handle: ReturnType<Client['workflow']['getHandle']>,
): Promise<ImportProgress> {
  const { progressStream, log } = options;
  const bar = progressStream?.isTTY
    ? new SingleBar({ stream: progressStream, format: 'catalog import |{bar}| {value}/{total} products · {status}', hideCursor: true }, Presets.shades_classic)
    : undefined;
  let started = false;
  let lastLogged = -1;
  const done = handle.result() as Promise<ImportProgress>;
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  while (!finished) {
    try {
      const p = await handle.query(importProgressQuery);
      if (bar) {
        if (!started && p.total > 0) {
          bar.start(p.total, p.processed, { status: p.status });
          started = true;
        } else if (started) bar.update(p.processed, { status: p.status });
      } else if (p.total > 0) {
        const pct = Math.floor((p.processed / p.total) * 10) * 10;
        if (pct !== lastLogged) {
          lastLogged = pct;
          log(`catalog import ${pct}% (${p.processed}/${p.total})`);
        }
      }
    } catch {
      // the query can race the workflow's completion; the loop ends on the result
    }
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, 300))]);
  }
  const result = await done;
  if (bar) {
    if (!started) bar.start(result.total, result.processed, { status: result.status });
    bar.update(result.processed, { status: result.status });
    bar.stop();
  }
  log(`catalog seeded: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected`);
  return result;
}
