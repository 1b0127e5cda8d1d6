import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// A pragmatic address check (one @, no spaces, a dot in the domain), as the gateway's AJV `email` format.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// TypeBox's Value.Check refuses formats it does not know; the contracts use `date-time` and `email`.
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set(
    'date-time',
    (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  );
}
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (value) => EMAIL.test(value));

/** At most this many problems are listed (the first ones TypeBox finds). */
export const MAX_REPORTED_PROBLEMS = 5;

/** The problems of `value` against `schema` as `path: message` lines (empty when valid). */
export function schemaProblems(schema: TSchema, value: unknown): string[] {
  if (Value.Check(schema, value)) return [];
  const problems: string[] = [];
  for (const error of Value.Errors(schema, value)) {
    problems.push(`${error.path || '/'}: ${error.message}`);
    if (problems.length >= MAX_REPORTED_PROBLEMS) break;
  }
  return problems;
}

export function isValid<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return Value.Check(schema, value);
}
