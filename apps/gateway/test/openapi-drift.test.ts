import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayHarness, type GatewayHarness } from './support/gateway-harness.js';

/**
 * The OpenAPI document frontend teams build against is committed (`apps/gateway/openapi.json`),
 * so a change to the API shows in review. This test fails when the code's document drifts from
 * the committed one; `pnpm --filter @commerce/gateway openapi:write` rewrites the file.
 */
const COMMITTED = fileURLToPath(new URL('../openapi.json', import.meta.url));
/** The document names the server it is served from; the committed copy names the local default. */
const COMMITTED_SERVER = 'http://127.0.0.1:3000';

describe('the committed OpenAPI document', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await createGatewayHarness({ temporal: 'unreachable' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('is the document the code serves (pnpm --filter @commerce/gateway openapi:write after an API change)', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const served = JSON.parse(response.body) as { servers?: { url: string }[] };
    served.servers = [{ url: COMMITTED_SERVER }];
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.WRITE_OPENAPI === '1') writeFileSync(COMMITTED, text);
    expect(existsSync(COMMITTED), `${COMMITTED} is missing: run pnpm --filter @commerce/gateway openapi:write`).toBe(true);
    expect(readFileSync(COMMITTED, 'utf8'), 'the API changed: run pnpm --filter @commerce/gateway openapi:write and commit openapi.json').toBe(text);
  });
});
