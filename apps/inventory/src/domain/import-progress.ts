import type { ImportCatalogBatchResult, ImportProgress } from '@commerce/contracts/inventory';

/** The progress query keeps at most this many line errors (the contract's bound). */
export const MAX_PROGRESS_ERRORS = 50;

export function initialImportProgress(importId: string): ImportProgress {
  return {
    importId,
    status: 'counting',
    total: 0,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    batches: 0,
    errors: [],
  };
}

export function addBatchResult(progress: ImportProgress, batch: ImportCatalogBatchResult): ImportProgress {
  const room = MAX_PROGRESS_ERRORS - progress.errors.length;
  return {
    ...progress,
    processed: progress.processed + batch.processed,
    created: progress.created + batch.created,
    updated: progress.updated + batch.updated,
    unchanged: progress.unchanged + batch.unchanged,
    rejected: progress.rejected + batch.rejected,
    batches: progress.batches + 1,
    errors: room > 0 ? [...progress.errors, ...batch.errors.slice(0, room)] : progress.errors,
  };
}

/** Marks the import failed with the reason as a line-0 error (kept even when the list is full). */
export function failImport(progress: ImportProgress, message: string): ImportProgress {
  const errors = [...progress.errors.slice(0, MAX_PROGRESS_ERRORS - 1), { line: 0, message }];
  return { ...progress, status: 'failed', errors };
}
