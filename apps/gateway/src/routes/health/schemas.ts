import { Type } from '@sinclair/typebox';
import { ProblemSchema } from '@commerce/contracts/common/schemas';

export const HealthSchema = Type.Object(
  { status: Type.Literal('ok') },
  { additionalProperties: false },
);

export const DependencyStatusSchema = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  latencyMs: Type.Integer({ minimum: 0 }),
});

export const ReadinessChecksSchema = Type.Object({
  temporal: DependencyStatusSchema,
  readModel: DependencyStatusSchema,
  orderSearch: DependencyStatusSchema,
  /** The catalog is seeded (products in the read model, no seed import running). */
  catalog: DependencyStatusSchema,
});

export const ReadinessSchema = Type.Object({
  status: Type.Literal('ready'),
  checks: ReadinessChecksSchema,
});

/** The 503 problem of /readyz: a Problem with the per-dependency `checks` extension member. */
export const NotReadyProblemSchema = Type.Object(
  { ...ProblemSchema.properties, checks: ReadinessChecksSchema },
  { title: 'NotReadyProblem' },
);
