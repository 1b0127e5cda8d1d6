import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { HttpProblem } from '../../errors/http-problem.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { errorResponses, PROBLEM_CONTENT_TYPE } from '../../http/error-responses.js';
import { described } from '../../http/shared-schemas.js';
import { HealthSchema, NotReadyProblemSchema, ReadinessSchema } from './schemas.js';

export interface HealthRoutesOptions {
  /** Deadline of each dependency check. */
  checkTimeoutMs: number;
}

type CheckResult = { status: 'up' | 'down'; latencyMs: number };

/** /healthz (the process is up) and /readyz (Temporal and the read models answer). */
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
      return { status: 'down', latencyMs: Math.round(performance.now() - started) };
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
        summary: 'Readiness: Temporal and the read models (catalog, orders) are reachable',
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
      const [temporal, readModel, orderSearch] = await Promise.all([
        check('temporal', () => app.temporal.ping(checkTimeoutMs)),
        check('readModel', () => app.readModel.ping()),
        check('orderSearch', () => app.orderSearch.ping()),
      ]);
      const checks = { temporal, readModel, orderSearch };
      const down = Object.entries(checks)
        .filter(([, c]) => c.status === 'down')
        .map(([name]) => name);
      if (down.length > 0) {
        throw new HttpProblem('not_ready', `Unreachable: ${down.join(', ')}.`, {
          extensions: { checks },
          headers: { 'retry-after': '5' },
        });
      }
      return { status: 'ready' as const, checks };
    },
  );
  done();
};

export default healthRoutes;
