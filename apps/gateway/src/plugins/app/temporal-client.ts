import fp from 'fastify-plugin';
import type { TemporalClientProvider } from '../../temporal/temporal-client-provider.js';
import { createWorkflowRunner, type WorkflowRunner } from '../../temporal/workflow-runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: TemporalClientProvider;
    workflows: WorkflowRunner;
  }
}

export interface TemporalClientPluginOptions {
  provider: TemporalClientProvider;
  uiUrl: string;
  /** Deadline of each Temporal RPC the gateway makes (start, describe, ...). */
  rpcTimeoutMs: number;
  /** How long a request waits for a workflow's result. */
  resultTimeoutMs: number;
}

/** Makes the Temporal client and the workflow runner available to routes. The caller owns the connection. */
export default fp<TemporalClientPluginOptions>(
  (app, options, done) => {
    app.decorate('temporal', options.provider);
    app.decorate(
      'workflows',
      createWorkflowRunner({
        provider: options.provider,
        uiUrl: options.uiUrl,
        rpcTimeoutMs: options.rpcTimeoutMs,
        resultTimeoutMs: options.resultTimeoutMs,
      }),
    );
    done();
  },
  { name: 'temporal-client' },
);
