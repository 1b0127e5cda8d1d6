import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  isGrpcCancelledError,
  type Workflow,
  type WorkflowHandle,
  type WorkflowResultType,
  type WorkflowStartOptions,
} from '@temporalio/client';
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
  };
}
