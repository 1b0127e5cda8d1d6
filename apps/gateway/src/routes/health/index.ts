import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { IMPORT_CATALOG_WORKFLOW, importCatalogWorkflowId } from '@commerce/contracts/inventory';
import { HttpProblem } from '../../errors/http-problem.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { errorResponses, PROBLEM_CONTENT_TYPE } from '../../http/error-responses.js';
import { described } from '../../http/shared-schemas.js';
import { HealthSchema, NotReadyProblemSchema, ReadinessSchema } from './schemas.js';

export interface HealthRoutesOptions {
  /** Deadline of each dependency check. */
  checkTimeoutMs: number;
}

type CheckResult = { status: 'up' | 'down'; latencyMs: number; reason?: string };

/** dev-stack's seed imports are `importCatalogWorkflow` runs with these ids (seed-<seed>-x<scale>). */
const SEED_IMPORT_ID_PREFIX = importCatalogWorkflowId('seed-');

/**
 * The catalog is seeded when no seed import (`importCatalogWorkflow` with id
 * `catalog-import:seed-…`, as dev-stack starts it) is running. An empty catalog alone is ready: a
 * new deployment imports its catalog through this very gateway (`POST /v1/admin/catalog/import`).
 */
async function catalogSeeded(app: Parameters<FastifyPluginCallbackTypebox>[0], timeoutMs: number) {
  const running = await app.temporal.withDeadline(timeoutMs, async (client) => {
    const ids: string[] = [];
    for await (const wf of client.workflow.list({
      query: `WorkflowType = '${IMPORT_CATALOG_WORKFLOW}' AND ExecutionStatus = 'Running'`,
    })) {
      if (wf.workflowId.startsWith(SEED_IMPORT_ID_PREFIX)) ids.push(wf.workflowId);
    }
    return ids;
  });
  if (running.length > 0) throw new Error(`the catalog seed is still running (${running.join(', ')})`);
}

/** /healthz (the process is up) and /readyz (Temporal and the read models answer, the catalog is seeded). */
const healthRoutes: FastifyPluginCallbackTypebox<HealthRoutesOptions> = (app, options, done) => {
  const { checkTimeoutMs } = options;

  const check = async (name: string, probe: () => Promise<void>): Promise<CheckResult> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${name} did not answer within ${checkTimeoutMs} ms`)),
            checkTimeoutMs,
          );
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      app.log.warn({ err, dependency: name }, 'readiness check failed');
      return {
        status: 'down',
        latencyMs: Math.round(performance.now() - started),
        reason: err instanceof Error ? err.message : String(err),
      };
    } finally {
      clearTimeout(timer);
    }
  };

  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['operations'],
        querystring: NoQuerySchema,
        summary: 'Liveness: the process is up',
        response: { 200: described(HealthSchema, 'The process is up'), ...errorResponses() },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['operations'],
        querystring: NoQuerySchema,
        summary: 'Readiness: Temporal and the read models are reachable and the catalog is seeded',
        description:
          'Ready (200) when Temporal, the catalog read model and the orders projection answer AND the catalog ' +
          'seed is not running: no seed import (`importCatalogWorkflow` with an id starting ' +
          '`catalog-import:seed-`, as dev-stack starts it) is still running. An empty catalog alone is ready (a ' +
          'new deployment imports its catalog through `POST /v1/admin/catalog/import`). Otherwise 503 `not_ready` with `Retry-After` and each check in `checks` ' +
          '(`catalog` is down while the first seed runs).',
        response: {
          200: described(ReadinessSchema, 'Every dependency answered'),
          ...errorResponses(),
          503: {
            description: 'Problem (`not_ready`) listing each dependency and whether it is down',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: NotReadyProblemSchema } },
          },
        },
      },
    },
    async () => {
      const [temporal, readModel, orderSearch, catalog] = await Promise.all([
        check('temporal', () => app.temporal.ping(checkTimeoutMs)),
        check('readModel', () => app.readModel.ping()),
        check('orderSearch', () => app.orderSearch.ping()),
        check('catalog', () => catalogSeeded(app, checkTimeoutMs)),
      ]);
      const all = { temporal, readModel, orderSearch, catalog };
      const checks = Object.fromEntries(
        Object.entries(all).map(([name, { status, latencyMs }]) => [name, { status, latencyMs }]),
      ) as Record<keyof typeof all, { status: 'up' | 'down'; latencyMs: number }>;
      const down = Object.entries(all).filter(([, c]) => c.status === 'down');
      if (down.length > 0) {
        const notSeeded = catalog.status === 'down' && down.length === 1;
        throw new HttpProblem(
          'not_ready',
          notSeeded
            ? `The catalog is not seeded yet: ${catalog.reason ?? 'unknown'}.`
            : `Unreachable or not ready: ${down.map(([name]) => name).join(', ')}.`,
          { extensions: { checks }, headers: { 'retry-after': '5' } },
        );
      }
      return { status: 'ready' as const, checks };
    },
  );
  done();
};

export default healthRoutes;
