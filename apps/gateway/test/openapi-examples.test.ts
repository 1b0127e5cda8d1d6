import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDevStackConfig } from '@commerce/dev-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayHarness, json, type GatewayHarness } from './support/gateway-harness.js';

const GENERATOR = fileURLToPath(
  new URL('../../inventory/dist/cli/generate-catalog.js', import.meta.url),
);

interface Parameter {
  in: string;
  name: string;
  schema?: { examples?: unknown[]; example?: unknown };
  examples?: Record<string, { value: unknown }>;
  example?: unknown;
}

/**
 * Every catalog example of the OpenAPI document exists in the catalog dev-stack seeds: the
 * generator's own output (apps/inventory's generate-catalog CLI) for dev-stack's default seed and scale.
 */
describe('OpenAPI examples against the seeded catalog', () => {
  let h: GatewayHarness;
  let dir: string;
  const products = new Set<string>();
  const handles = new Set<string>();
  const collections = new Set<string>();
  const skus = new Set<string>();

  beforeAll(async () => {
    const { seed, seedScale } = loadDevStackConfig({});
    expect(existsSync(GENERATOR), `${GENERATOR} (build @commerce/inventory)`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'seeded-catalog-'));
    const out = join(dir, 'catalog.ndjson');
    execFileSync(process.execPath, [GENERATOR, '--seed', String(seed), '--scale', String(seedScale), '--out', out], {
      stdio: 'ignore',
    });
    for (const line of readFileSync(out, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as {
        collection?: { handle: string };
        product?: { id: string; handle: string; variants: { sku: string }[] };
      };
      if (entry.collection) collections.add(entry.collection.handle);
      if (entry.product) {
        products.add(entry.product.id);
        handles.add(entry.product.handle);
        for (const v of entry.product.variants) skus.add(v.sku);
      }
    }
    expect(products.size).toBeGreaterThan(1000);
    h = await createGatewayHarness({ temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses real product ids, handles, collection handles and SKUs as path parameter examples', async () => {
    const doc = json<{ paths: Record<string, Record<string, { parameters?: Parameter[] }>> }>(
      await h.app.inject({ method: 'GET', url: '/openapi.json' }),
    );
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const p of op.parameters ?? []) {
          if (p.in !== 'path') continue;
          const examples = [
            ...(p.schema?.examples ?? []),
            ...(p.schema?.example === undefined ? [] : [p.schema.example]),
            ...(p.example === undefined ? [] : [p.example]),
            ...Object.values(p.examples ?? {}).map((e) => e.value),
          ].map(String);
          const where = `${method} ${path} {${p.name}}`;
          const known =
            p.name === 'sku'
              ? skus
              : p.name === 'productId'
                ? new Set([...products, ...handles])
                : path.startsWith('/v1/collections/') && p.name === 'handle'
                  ? new Set([...collections, ...handles])
                  : undefined;
          if (!known) continue; // minted at run time (orders, carts, checkouts, coupons)
          expect(examples.length, where).toBeGreaterThan(0);
          for (const example of examples) {
            expect(known.has(example), `${where} example '${example}'`).toBe(true);
            checked.push(`${where}=${example}`);
          }
        }
      }
    }
    expect(checked.some((c) => c.includes('{sku}'))).toBe(true);
    expect(checked.some((c) => c.includes('{productId}'))).toBe(true);
    expect(checked.some((c) => c.includes('/v1/collections/'))).toBe(true);
    // The collection route's first example (the one Swagger UI fills in) is a collection.
    expect(collections.has('t-shirts')).toBe(true);
  });
});
