import type { Client } from '@elastic/elasticsearch';
import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElasticsearchClient } from '../src/client.js';
import { IndexTemplateError } from '../src/index-template-files.js';
import { dropIndexTemplates, installIndexTemplates } from '../src/install-index-templates.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/indices', import.meta.url));
const stores = testStores();

describe.skipIf('skipReason' in stores)(
  'installIndexTemplates against a real Elasticsearch',
  () => {
    let client: Client;
    const installed: { dir: string; prefix: string }[] = [];
    const tempDirs: string[] = [];

    /** A unique index prefix, dropped after the file. */
    function prefixFor(dir: string): string {
      const prefix = `${uniqueStoreName('t')}_`;
      installed.push({ dir, prefix });
      return prefix;
    }

    function copyFixtures(): string {
      const dir = join(mkdtempSync(join(tmpdir(), 'commerce-indices-')), 'indices');
      cpSync(FIXTURES, dir, { recursive: true });
      tempDirs.push(dir);
      return dir;
    }

    async function templateNames(prefix: string): Promise<string[]> {
      const response = await client.indices.getIndexTemplate(
        { name: `${prefix}*` },
        { ignore: [404] },
      );
      return (response.index_templates ?? []).map((t) => t.name).sort();
    }

    beforeAll(() => {
      if ('skipReason' in stores) return;
      console.log(`[elasticsearch-store] ${stores.origin}`);
      client = createElasticsearchClient({ node: stores.elasticsearchUrl });
    });

    afterAll(async () => {
      for (const { dir, prefix } of installed)
        await dropIndexTemplates(client, { dir, prefix }).catch(() => undefined);
      for (const dir of tempDirs) rmSync(join(dir, '..'), { recursive: true, force: true });
      await client.close();
    });

    it('puts the templates and creates each index with its settings, mappings and aliases', async () => {
      const prefix = prefixFor(FIXTURES);
      const result = await installIndexTemplates(client, { dir: FIXTURES, prefix });
      expect(result).toEqual([
        {
          index: `${prefix}collections`,
          template: `${prefix}collections`,
          created: true,
          mappingUpdated: false,
        },
        {
          index: `${prefix}products`,
          template: `${prefix}products`,
          created: true,
          mappingUpdated: false,
        },
      ]);
      expect(await templateNames(prefix)).toEqual([`${prefix}collections`, `${prefix}products`]);
      const template = await client.indices.getIndexTemplate({ name: `${prefix}products` });
      expect(template.index_templates[0]?.index_template.index_patterns).toEqual([
        `${prefix}products`,
      ]);

      const mapping = await client.indices.getMapping({ index: `${prefix}products` });
      const products = mapping[`${prefix}products`]?.mappings;
      expect(products?.dynamic).toBe('strict');
      expect(products?.properties?.priceMinor).toEqual({ type: 'long' });
      expect(products?.properties?.variants).toMatchObject({ type: 'nested' });
      const settings = await client.indices.getSettings({ index: `${prefix}products` });
      expect(settings[`${prefix}products`]?.settings?.index?.number_of_replicas).toBe('0');

      const alias = await client.indices.getAlias({ name: `${prefix}collections-read` });
      expect(Object.keys(alias)).toEqual([`${prefix}collections`]);

      // The strict mapping is live: an unknown field is refused, a valid document is accepted.
      await expect(
        client.index({ index: `${prefix}products`, document: { sku: 'A', colour: 'red' } }),
      ).rejects.toThrow(/strict_dynamic_mapping_exception/);
      await client.index({
        index: `${prefix}products`,
        id: 'A',
        document: {
          sku: 'A',
          title: 'Blue Shirt',
          priceMinor: 1999,
          currency: 'EUR',
          inStock: true,
        },
        refresh: 'wait_for',
      });
      const found = await client.search({
        index: `${prefix}products`,
        query: { term: { 'title.raw': 'blue shirt' } },
      });
      expect(found.hits.hits.map((h) => h._id)).toEqual(['A']);
    });

    it('is idempotent: a second run creates nothing, changes no mapping and keeps the documents', async () => {
      const prefix = prefixFor(FIXTURES);
      await installIndexTemplates(client, { dir: FIXTURES, prefix });
      await client.index({
        index: `${prefix}collections`,
        id: 'summer',
        document: { handle: 'summer' },
        refresh: 'wait_for',
      });
      const again = await installIndexTemplates(client, { dir: FIXTURES, prefix });
      expect(again.map((r) => [r.index, r.created, r.mappingUpdated])).toEqual([
        [`${prefix}collections`, false, false],
        [`${prefix}products`, false, false],
      ]);
      expect((await client.count({ index: `${prefix}collections` })).count).toBe(1);
    });

    it('adds a new field of an edited file to the existing index', async () => {
      const dir = copyFixtures();
      const prefix = prefixFor(dir);
      await installIndexTemplates(client, { dir, prefix });
      const file = join(dir, 'collections.json');
      const body = JSON.parse(readFileSync(file, 'utf8')) as {
        template: { mappings: { properties: Record<string, unknown> } };
      };
      body.template.mappings.properties.position = { type: 'integer' };
      writeFileSync(file, JSON.stringify(body));
      const result = await installIndexTemplates(client, { dir, prefix });
      expect(result.find((r) => r.index === `${prefix}collections`)).toMatchObject({
        created: false,
        mappingUpdated: true,
      });
      expect(result.find((r) => r.index === `${prefix}products`)).toMatchObject({
        created: false,
        mappingUpdated: false,
      });
      const mapping = await client.indices.getMapping({ index: `${prefix}collections` });
      expect(mapping[`${prefix}collections`]?.mappings.properties?.position).toEqual({
        type: 'integer',
      });
    });

    it('keeps prefixes apart: each has its own indices, and dropping one leaves the other', async () => {
      const first = prefixFor(FIXTURES);
      const second = prefixFor(FIXTURES);
      await installIndexTemplates(client, { dir: FIXTURES, prefix: first });
      await installIndexTemplates(client, { dir: FIXTURES, prefix: second });
      await client.index({
        index: `${first}products`,
        id: 'only-first',
        document: { sku: 'X' },
        refresh: 'wait_for',
      });
      expect((await client.count({ index: `${first}products` })).count).toBe(1);
      expect((await client.count({ index: `${second}products` })).count).toBe(0);

      await dropIndexTemplates(client, { dir: FIXTURES, prefix: first });
      expect(await client.indices.exists({ index: `${first}products` })).toBe(false);
      expect(await templateNames(first)).toEqual([]);
      expect(await client.indices.exists({ index: `${second}products` })).toBe(true);
      expect(await templateNames(second)).toEqual([`${second}collections`, `${second}products`]);
    });

    it('refuses bad files and prefixes before installing anything', async () => {
      const dir = copyFixtures();
      const prefix = prefixFor(dir);
      const cases: [string, string, RegExp][] = [
        ['orders.json', '{ "index_patterns": ["orders"], ', /orders\.json: not valid JSON/],
        [
          'orders.json',
          '{ "index_patterns": ["carts*"], "template": {} }',
          /none of "index_patterns" \["carts\*"\] matches .*"orders"/,
        ],
        [
          'orders.json',
          '{ "index_patterns": [], "template": {} }',
          /"index_patterns" must be a non-empty list/,
        ],
        ['orders.json', '{ "index_patterns": ["orders"] }', /"template" must be an object/],
        [
          'Orders.json',
          '{ "index_patterns": ["Orders"], "template": {} }',
          /name index files <index>\.json in lowercase/,
        ],
      ];
      for (const [name, text, message] of cases) {
        const path = join(dir, name);
        writeFileSync(path, text);
        const error = await installIndexTemplates(client, { dir, prefix }).catch(
          (err: unknown) => err,
        );
        expect(error).toBeInstanceOf(IndexTemplateError);
        expect((error as Error).message).toMatch(message);
        rmSync(path);
      }
      await expect(installIndexTemplates(client, { dir, prefix: '_bad' })).rejects.toThrow(
        /invalid index prefix "_bad"/,
      );
      await expect(
        installIndexTemplates(client, { dir: join(dir, 'absent'), prefix }),
      ).rejects.toThrow(/cannot read/);
      await expect(dropIndexTemplates(client, { dir, prefix: '' })).rejects.toThrow(
        /non-empty prefix/,
      );
      expect(await templateNames(prefix)).toEqual([]);
      expect(await client.indices.exists({ index: `${prefix}products` })).toBe(false);
    });
  },
);
