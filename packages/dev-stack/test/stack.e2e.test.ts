// The newcomer's path, end to end: the same startStack that `pnpm start` runs, on free ports and a
// throwaway data folder — real Temporal dev server, real inventory worker, real gateway, real SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductSearchResult, ProductView, StockLevel } from '@commerce/contracts/inventory';
import { findFreePort as freePort } from '@commerce/process-kit';
import { loadDevStackConfig } from '../src/config.js';
import { startStack, type StackHandle } from '../src/stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'dev-stack-e2e-'));
let env: Record<string, string>;
let stack: StackHandle | undefined;
const messages: string[] = [];
const log = (m: string) => messages.push(m);

async function getJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack!.gatewayUrl}${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    TEMPORAL_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    SEED_SCALE: '0.02',
    LOG_LEVEL: 'warn',
  };
  stack = await startStack({ config: loadDevStackConfig(env), log });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('pnpm start (embedded profile)', () => {
  it('serves the seeded catalog with facets through the gateway', async () => {
    const all = await getJson<ProductSearchResult>('/v1/products?limit=5');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(50);
    expect(all.body.facets.collection.length).toBeGreaterThan(1);
    const word = all.body.items[0]!.title.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w))!;
    const hits = await getJson<ProductSearchResult>(`/v1/products?q=${encodeURIComponent(word)}`);
    expect(hits.body.total).toBeGreaterThan(0);
    expect(hits.body.total).toBeLessThanOrEqual(all.body.total);
    expect(hits.body.items.every((p) => `${p.title} ${p.description} ${p.vendor} ${p.tags.join(' ')}`.toLowerCase().includes(word.toLowerCase().slice(0, 4)))).toBe(true);
    expect(messages.some((m) => m.includes('catalog seeded'))).toBe(true);
  });

  it('publishes the OpenAPI document and Swagger UI, and refuses admin calls without the token', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    expect(doc.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.body.paths)).toContain('/v1/products');
    const ui = await fetch(`${stack!.docsUrl}/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toMatch(/swagger/i);
    const anon = await getJson<{ code: string }>('/v1/admin/inventory/NOPE-1');
    expect(anon.status).toBe(401);
  });

  it('a stock change through the admin route shows up in search', async () => {
    const first = await getJson<ProductSearchResult>('/v1/products?limit=1&sort=title_asc');
    const product: ProductView = first.body.items[0]!;
    const sku = product.variants[0]!.sku;
    const put = await getJson<StockLevel>(`/v1/admin/inventory/${sku}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${stack!.adminToken}`, 'content-type': 'application/json', 'idempotency-key': 'e2e-1' },
      body: JSON.stringify({ onHand: 4321, reason: 'cycle count' }),
    });
    expect(put.status).toBe(200);
    expect(put.body.onHand).toBe(4321);
    const deadline = Date.now() + 30_000;
    let seen = -1;
    while (Date.now() < deadline) {
      const p = await getJson<ProductView>(`/v1/products/${product.id}`);
      seen = p.body.variants.find((v) => v.sku === sku)?.available ?? -1;
      if (seen === put.body.available) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen).toBe(put.body.available);
  });

  it('restarts on the same data folder without seeding again and keeps the token', async () => {
    const token = stack!.adminToken;
    const before = await getJson<ProductSearchResult>('/v1/products?limit=1');
    await stack!.stop();
    messages.length = 0;
    stack = await startStack({ config: loadDevStackConfig(env), log });
    expect(stack.adminToken).toBe(token);
    expect(messages.some((m) => m.includes('already seeded'))).toBe(true);
    const after = await getJson<ProductSearchResult>('/v1/products?limit=1');
    expect(after.body.total).toBe(before.body.total);
  }, 240_000);
});
