import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  importProgressQuery,
  type ImportCatalogInput,
  type ImportCatalogWorkflow,
  type InventoryActivities,
} from '@commerce/contracts/inventory';
import { addBatchResult, failImport, initialImportProgress } from '../domain/import-progress.js';

export const DEFAULT_IMPORT_BATCH_SIZE = 100;
export const DEFAULT_MAX_BATCHES_PER_RUN = 500;

const { countCatalogSource, importCatalogBatch } = proxyActivities<InventoryActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * Loads a catalog in batches (SPEC §4.1). Every batch is idempotent per product, so a retried
 * batch or a second import of the same source changes nothing; progress is visible through
 * importProgressQuery while it runs and after it ends. A long import continues as new every
 * `maxBatchesPerRun` batches, carrying its offset and progress.
 */
export const importCatalogWorkflow: ImportCatalogWorkflow = async (input: ImportCatalogInput) => {
  const { importId, source, resume } = input;
  const limit = input.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  const maxBatches = input.maxBatchesPerRun ?? DEFAULT_MAX_BATCHES_PER_RUN;
  let progress = resume?.progress ?? initialImportProgress(importId);
  setHandler(importProgressQuery, () => progress);
  let resumeAt: number | undefined;
  try {
    if (!resume) {
      const { total } = await countCatalogSource({ source });
      progress = { ...progress, status: 'importing', total };
    }
    let batchesThisRun = 0;
    for (let offset = resume?.offset ?? 0; offset < progress.total; offset += limit) {
      if (batchesThisRun >= maxBatches || workflowInfo().continueAsNewSuggested) {
        resumeAt = offset;
        break;
      }
      progress = addBatchResult(progress, await importCatalogBatch({ importId, source, offset, limit }));
      batchesThisRun++;
    }
  } catch (error) {
    // The activity's failure (e.g. InvalidCatalogSourceError) is the cause; the query keeps the reason.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    progress = failImport(progress, cause instanceof Error ? cause.message : String(cause));
    throw error;
  }
  if (resumeAt !== undefined) {
    return await continueAsNew<ImportCatalogWorkflow>({ ...input, resume: { offset: resumeAt, progress } });
  }
  progress = { ...progress, status: 'completed' };
  return progress;
};
