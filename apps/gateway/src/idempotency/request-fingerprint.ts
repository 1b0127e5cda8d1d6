import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The SHA-256 of what makes two requests "the same": path parameters, query and body. */
export function fingerprintRequest(request: {
  params: unknown;
  query: unknown;
  body: unknown;
}): string {
  return sha256Hex(
    canonicalJson({
      params: request.params ?? {},
      query: request.query ?? {},
      body: request.body ?? null,
    }),
  );
}
