import { ActivityFailure, ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './error-catalogue.js';
import { FAILURE_TYPE_CODES } from './failure-codes.js';
import { HttpProblem } from './http-problem.js';
import { toHttpProblem } from './to-http-problem.js';

/** What the client throws when a workflow failed because one of its activities raised `failure`. */
function failedWorkflow(failure: ApplicationFailure): WorkflowFailedError {
  const activity = new ActivityFailure(
    'activity failed',
    'adjustStock',
    '1',
    'NON_RETRYABLE_FAILURE',
    'worker',
    failure,
  );
  return new WorkflowFailedError('Workflow execution failed', activity, 'NON_RETRYABLE_FAILURE');
}

describe('error classification', () => {
  it('maps every inventory failure type to a catalogued 4xx code', () => {
    expect(Object.keys(FAILURE_TYPE_CODES).sort()).toEqual(Object.values(InventoryFailure).sort());
    for (const code of Object.values(FAILURE_TYPE_CODES)) {
      const { status } = ERROR_CATALOGUE[code];
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('finds the ApplicationFailure type inside a failed workflow', () => {
    const below = toHttpProblem(
      failedWorkflow(
        ApplicationFailure.nonRetryable(
          'on-hand 1 is below the 3 reserved units',
          InventoryFailure.StockBelowReserved,
        ),
      ),
    );
    expect(below).toMatchObject({
      code: 'stock_below_reserved',
      status: 409,
      detail: 'on-hand 1 is below the 3 reserved units',
    });
    const unknownSku = toHttpProblem(
      failedWorkflow(ApplicationFailure.nonRetryable('no such sku', InventoryFailure.UnknownSku)),
    );
    expect(unknownSku).toMatchObject({ code: 'sku_not_found', status: 404 });
  });

  it('never leaks the message of an unexpected error', () => {
    const secret = new Error('SQLITE_CORRUPT at /srv/data/commerce.db: password=hunter2');
    const problem = toHttpProblem(secret);
    expect(problem).toMatchObject({ code: 'internal_error', status: 500 });
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.detail).not.toContain('SQLITE');
    const unknownFailure = toHttpProblem(
      failedWorkflow(ApplicationFailure.nonRetryable('internal detail', 'SomethingElseError')),
    );
    expect(unknownFailure).toMatchObject({ code: 'internal_error', status: 500 });
    expect(unknownFailure.detail).not.toContain('internal detail');
  });

  it('keeps HttpProblems as they are', () => {
    const problem = new HttpProblem('product_not_found', 'nope');
    expect(toHttpProblem(problem)).toBe(problem);
  });
});
