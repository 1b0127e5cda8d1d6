import { testStores } from '@commerce/test-kit/stores';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkElasticsearch } from '../src/check.js';
import { createElasticsearchClient } from '../src/client.js';

const stores = testStores();

async function closedPort(): Promise<number> {
  return await new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolvePort(typeof address === 'object' && address !== null ? address.port : 1),
      );
    });
  });
}

describe('createElasticsearchClient', () => {
  it.each([
    [{ node: 'not a url' }, /invalid Elasticsearch node URL/],
    [{ node: 'ftp://127.0.0.1:9200' }, /must be http\(s\)/],
    [{ node: 'http://127.0.0.1:9200', requestTimeoutMs: -1 }, /requestTimeoutMs/],
  ])('rejects %j', (options, message) => {
    expect(() => createElasticsearchClient(options)).toThrow(message);
  });
});

describe.skipIf('skipReason' in stores)('checkElasticsearch against a real Elasticsearch', () => {
  it('is ok (green or yellow) through _cluster/health', async () => {
    if ('skipReason' in stores) return;
    const client = createElasticsearchClient({ node: stores.elasticsearchUrl });
    try {
      const check = await checkElasticsearch(client);
      expect(check).toMatchObject({ ok: true, clusterName: expect.any(String) as unknown });
      expect(check.ok && ['green', 'yellow'].includes(check.status)).toBe(true);
      // The reason for _cluster/health: core Elasticsearch has no GET / (what ping/info use).
      await expect(client.info()).rejects.toThrow(/405|Incorrect HTTP method/);
    } finally {
      await client.close();
    }
  });

  it('is not ok, quickly and without throwing, when nothing listens', async () => {
    const client = createElasticsearchClient({ node: `http://127.0.0.1:${await closedPort()}` });
    try {
      const check = await checkElasticsearch(client, { timeoutMs: 1_000 });
      expect(check.ok).toBe(false);
      expect(!check.ok && check.error).toMatch(/ECONNREFUSED|connect|Connection/i);
      expect(check.latencyMs).toBeLessThan(5_000);
    } finally {
      await client.close();
    }
  });
});
