import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcCancelledError,
  type QueryDefinition,
  type UpdateDefinition,
  type Workflow,
  type WorkflowHandle,
  type WorkflowResultType,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { ErrorCode } from '../errors/error-catalogue.js';
import { HttpProblem } from '../errors/http-problem.js';
import type { TemporalClientProvider } from './temporal-client-provider.js';
import { temporalUiWorkflowUrl } from './workflow-link.js';

export interface WorkflowExecution<W extends Workflow> {
  workflowId: string;
  result: WorkflowResultType<W>;
  /** True when the workflow id was already taken (a retried request) and its result was reused. */
  attached: boolean;
  /** The Temporal Web UI page of the execution. */
  uiUrl: string;
}

/** How the gateway runs request-scoped workflows: start by name, wait for the result, never twice. */
export interface WorkflowRunner {
  readonly namespace: string;
  uiUrl(workflowId: string): string;
  /**
   * Starts the workflow and waits for its result. The id is never reused (REJECT_DUPLICATE), so a
   * start that finds the id taken means "this request ran before": its result (or failure) is
   * returned instead of running again.
   */
  execute<W extends Workflow>(
    workflowType: string,
    options: WorkflowStartOptions<W>,
  ): Promise<WorkflowExecution<W>>;
  /**
   * Update-with-start: starts the workflow unless it runs already (USE_EXISTING), sends the update
   * and waits for its result. A workflow id is never reused (REJECT_DUPLICATE): when the workflow
   * has already finished, `onFinished` answers instead (e.g. from its query), so a retried request
   * never starts a second execution.
   */
  updateWithStart<W extends Workflow, Ret, Args extends unknown[]>(
    update: UpdateDefinition<Ret, Args>,
    options: UpdateWithStartOptions<W, Ret, Args>,
  ): Promise<Ret>;
  /**
   * Sends an update to a running workflow and waits for its result. An unknown workflow answers
   * `missing.notFound` (404), a finished one `missing.finished` (usually 409).
   */
  update<Ret, Args extends unknown[]>(
    workflowId: string,
    update: UpdateDefinition<Ret, Args>,
    options: { updateId: string; args: Args; missing: MissingWorkflowProblems },
  ): Promise<Ret>;
  /** Runs a query; `null` when no workflow has the id. */
  query<Ret>(workflowId: string, query: QueryDefinition<Ret, []>): Promise<Ret | null>;
}

export interface UpdateWithStartOptions<W extends Workflow, Ret, Args extends unknown[]> {
  updateId: string;
  args: Args;
  workflowType: string;
  start: WorkflowStartOptions<W>;
  /** Answers instead of the update when the workflow id belongs to a finished execution. */
  onFinished: () => Promise<Ret>;
}

/** A problem, or how to find out which one applies (e.g. by querying another workflow). */
export type ProblemSpec =
  | { code: ErrorCode; detail: string }
  | (() => Promise<{ code: ErrorCode; detail: string }>);

/** The problems an update answers when its workflow does not run. */
export interface MissingWorkflowProblems {
  /** No workflow has the id (e.g. no such order). */
  notFound: ProblemSpec;
  /** The workflow has finished and takes no more updates. */
  finished: ProblemSpec;
}

export interface WorkflowRunnerOptions {
  provider: TemporalClientProvider;
  uiUrl: string;
  rpcTimeoutMs: number;
  resultTimeoutMs: number;
}

export function createWorkflowRunner(options: WorkflowRunnerOptions): WorkflowRunner {
  const { provider, rpcTimeoutMs, resultTimeoutMs } = options;
  const uiUrl = (workflowId: string) =>
    temporalUiWorkflowUrl(options.uiUrl, provider.namespace, workflowId);

  const timedOut = (workflowId: string, what: string, error: unknown): HttpProblem =>
    new HttpProblem(
      'workflow_timeout',
      `${what} of workflow ${workflowId} did not finish within ${resultTimeoutMs} ms and keeps running ` +
        `(${uiUrl(workflowId)}); retry with the same Idempotency-Key to get its result.`,
      { headers: { 'retry-after': '2' }, cause: error },
    );
  const isTimeout = (error: unknown): boolean =>
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcCancelledError(error);
  /** Waits for a result within the configured time (the caller's request is still open). */
  const awaitResult = <T>(fn: () => Promise<T>): Promise<T> =>
    provider.withAbortSignal(AbortSignal.timeout(resultTimeoutMs), fn);
  /** Whether a workflow with the id exists at all (running or finished). */
  const exists = async (workflowId: string): Promise<boolean> => {
    try {
      await provider.withDeadline(rpcTimeoutMs, (client) =>
        client.workflow.getHandle(workflowId).describe(),
      );
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  return {
    namespace: provider.namespace,
    uiUrl,
    async execute<W extends Workflow>(workflowType: string, start: WorkflowStartOptions<W>) {
      const { workflowId } = start;
      let attached = false;
      let handle: WorkflowHandle<W>;
      try {
        handle = await provider.withDeadline(rpcTimeoutMs, (client) =>
          client.workflow.start<W>(workflowType, {
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            ...start,
          }),
        );
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        attached = true;
        handle = provider.client().workflow.getHandle<W>(workflowId);
      }
      try {
        const result = await provider.withAbortSignal(AbortSignal.timeout(resultTimeoutMs), () =>
          handle.result(),
        );
        return { workflowId, result, attached, uiUrl: uiUrl(workflowId) };
      } catch (error) {
        if (isGrpcCancelledError(error)) {
          throw new HttpProblem(
            'workflow_timeout',
            `Workflow ${workflowId} did not finish within ${resultTimeoutMs} ms and keeps running (${uiUrl(workflowId)}); ` +
              'retry with the same Idempotency-Key to get its result.',
            { headers: { 'retry-after': '2' }, cause: error },
          );
        }
        throw error;
      }
    },

    async updateWithStart<W extends Workflow, Ret, Args extends unknown[]>(
      update: UpdateDefinition<Ret, Args>,
      { updateId, args, workflowType, start, onFinished }: UpdateWithStartOptions<W, Ret, Args>,
    ): Promise<Ret> {
      const startWorkflowOperation = new WithStartWorkflowOperation<W>(workflowType, {
        ...start,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      } as WorkflowStartOptions<W> & { workflowIdConflictPolicy: WorkflowIdConflictPolicy });
      try {
        return await awaitResult(() =>
          provider.client().workflow.executeUpdateWithStart(update, {
            updateId,
            args,
            startWorkflowOperation,
          }),
        );
      } catch (error) {
        // The id belongs to a finished execution: this request ran before (or another with the id).
        if (error instanceof WorkflowExecutionAlreadyStartedError) return await onFinished();
        if (isTimeout(error)) throw timedOut(start.workflowId, `Update ${update.name}`, error);
        throw error;
      }
    },

    async update<Ret, Args extends unknown[]>(
      workflowId: string,
      update: UpdateDefinition<Ret, Args>,
      { updateId, args, missing }: { updateId: string; args: Args; missing: MissingWorkflowProblems },
    ): Promise<Ret> {
      try {
        return await awaitResult(() =>
          provider
            .client()
            .workflow.getHandle(workflowId)
            // The SDK's overloads split updates with and without arguments; both send `args` as is.
            .executeUpdate(update as unknown as UpdateDefinition<Ret, [unknown]>, {
              updateId,
              args: args as unknown as [unknown],
            }),
        );
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          const spec = (await exists(workflowId)) ? missing.finished : missing.notFound;
          const { code, detail } = typeof spec === 'function' ? await spec() : spec;
          throw new HttpProblem(code, detail, { cause: error });
        }
        if (isTimeout(error)) throw timedOut(workflowId, `Update ${update.name}`, error);
        throw error;
      }
    },

    async query(workflowId, query) {
      try {
        return await provider.withDeadline(rpcTimeoutMs, (client) =>
          client.workflow.getHandle(workflowId).query(query),
        );
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
    },
  };
}
