import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { isValid, MAX_REPORTED_PROBLEMS, schemaProblems } from '../src/schema-check.js';

const Contact = Type.Object({
  email: Type.String({ format: 'email' }),
  at: Type.String({ format: 'date-time' }),
});

describe('schemaProblems / isValid', () => {
  it('knows the formats the contracts use (date-time, email)', () => {
    expect(isValid(Contact, { email: 'ada@example.com', at: '2025-03-01T10:00:00.000Z' })).toBe(
      true,
    );
    expect(isValid(Contact, { email: 'ada@example.com', at: '2025-03-01T10:00:00+02:00' })).toBe(
      true,
    );
    expect(schemaProblems(Contact, { email: 'ada@example', at: '2025-13-01T10:00:00Z' })).toEqual([
      expect.stringMatching(/^\/email: /),
      expect.stringMatching(/^\/at: /),
    ]);
    expect(isValid(Contact, { email: 'a b@example.com', at: '2025-03-01' })).toBe(false);
  });

  it('names the root as / and lists at most five problems', () => {
    expect(schemaProblems(Type.Integer(), 'x')).toEqual([expect.stringMatching(/^\/: /)]);
    const Many = Type.Object(
      Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, Type.Integer()])),
    );
    expect(schemaProblems(Many, {})).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(
      schemaProblems(Many, Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i]))),
    ).toEqual([]);
  });
});
