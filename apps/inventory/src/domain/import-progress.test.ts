import { describe, expect, it } from 'vitest';
import { addBatchResult, failImport, initialImportProgress, MAX_PROGRESS_ERRORS } from './import-progress.js';

const batch = (errors: number) => ({
  processed: 10,
  created: 4,
  updated: 3,
  unchanged: 3 - Math.min(3, errors),
  rejected: errors,
  errors: Array.from({ length: errors }, (_, i) => ({ line: i + 1, message: `bad ${i}` })),
});

describe('import progress', () => {
  it('sums batches and keeps only the first errors', () => {
    let progress = initialImportProgress('imp-1');
    for (let i = 0; i < 30; i++) progress = addBatchResult(progress, batch(2));
    expect(progress).toMatchObject({ processed: 300, created: 120, updated: 90, rejected: 60, batches: 30 });
    expect(progress.errors).toHaveLength(MAX_PROGRESS_ERRORS);
  });

  it('records the failure reason even when the error list is full', () => {
    let progress = initialImportProgress('imp-2');
    for (let i = 0; i < 30; i++) progress = addBatchResult(progress, batch(2));
    const failed = failImport(progress, 'source vanished');
    expect(failed.status).toBe('failed');
    expect(failed.errors).toHaveLength(MAX_PROGRESS_ERRORS);
    expect(failed.errors.at(-1)).toEqual({ line: 0, message: 'source vanished' });
  });
});
