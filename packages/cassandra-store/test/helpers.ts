import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_CQL = fileURLToPath(new URL('./fixtures/cql/shop', import.meta.url));

/** A private copy of the fixture CQL folder that a test may edit. */
export function copyFixtureCql(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'commerce-cql-'));
  const dir = join(root, 'shop');
  cpSync(FIXTURE_CQL, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
