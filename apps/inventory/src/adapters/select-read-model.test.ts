import { ConfigError } from '@commerce/config';
import { buildFixtureProducts } from '@commerce/catalog-search/testing';
import { createSqliteCatalogReadModel } from '@commerce/catalog-search/sqlite';
import {
  createElasticsearchCatalogReadModel,
  dropCatalogReadModelIndices,
  openElasticsearchCatalogReadModel,
} from '@commerce/catalog-search/elasticsearch';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { openDatabase } from '@commerce/sqlite-store';
import { describe, expect, it } from 'vitest';
import { loadInventoryConfig, readModelSettings } from '../config.js';
import { selectReadModel } from './select-read-model.js';

const settings = (env: Record<string, string>) => readModelSettings(loadInventoryConfig(env));

describe('read model selection (SEARCH, ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX)', () => {
  it('is SQLite by default and Elasticsearch when a URL is given', () => {
    expect(settings({})).toEqual({ engine: 'sqlite' });
    expect(settings({ ELASTICSEARCH_URL: 'http://es.internal:9200/' })).toEqual({
      engine: 'elasticsearch',
      url: 'http://es.internal:9200',
      indexPrefix: '',
      installIndices: true,
    });
    expect(
      settings({
        SEARCH: 'elasticsearch',
        ELASTICSEARCH_URL: 'https://es.internal',
        ELASTICSEARCH_INDEX_PREFIX: 'staging_',
        SCHEMA_SETUP: 'false',
      }),
    ).toEqual({ engine: 'elasticsearch', url: 'https://es.internal', indexPrefix: 'staging_', installIndices: false });
    expect(settings({ SEARCH: 'sqlite', ELASTICSEARCH_URL: 'http://es.internal:9200' })).toEqual({
      engine: 'sqlite',
    });
  });

  it('refuses Elasticsearch without a URL and bad values', () => {
    expect(() => settings({ SEARCH: 'elasticsearch' })).toThrow(ConfigError);
    expect(() => settings({ SEARCH: 'elasticsearch' })).toThrow(
      /ELASTICSEARCH_URL: required when SEARCH=elasticsearch/,
    );
    for (const bad of [
      { SEARCH: 'solr' },
      { ELASTICSEARCH_URL: 'es:9200' },
      { ELASTICSEARCH_INDEX_PREFIX: '_x' },
    ])
      expect(() => loadInventoryConfig(bad), JSON.stringify(bad)).toThrow(ConfigError);
  });

  it('migrates and writes the SQLite read model in the given database', async () => {
    const db = openDatabase({ filename: ':memory:' });
    try {
      const { readModel, close } = await selectReadModel({ engine: 'sqlite' }, db);
      const [product] = buildFixtureProducts(1);
      await readModel.upsertProducts([product!]);
      await readModel.refresh();
      expect(await createSqliteCatalogReadModel({ db }).getProduct(product!.id)).toEqual(product);
      await close();
    } finally {
      db.close();
    }
  });

  it.skipIf('skipReason' in testStores())(
    'installs and writes the Elasticsearch read model under the prefix',
    async () => {
      const url = requireTestStores().elasticsearchUrl;
      const indexPrefix = `${uniqueStoreName('inventory')}_`;
      const db = openDatabase({ filename: ':memory:' });
      const { readModel, close } = await selectReadModel(
        { engine: 'elasticsearch', url, indexPrefix, installIndices: true },
        db,
      );
      const reader = await openElasticsearchCatalogReadModel({ node: url, installIndices: false });
      try {
        const [product] = buildFixtureProducts(1);
        await readModel.upsertProducts([product!]);
        await readModel.refresh();
        const written = createElasticsearchCatalogReadModel({ client: reader.client, indexPrefix });
        expect(await written.getProduct(product!.id)).toEqual(product);
        // Nothing went to the SQLite file.
        expect(
          db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'catalog_%'").all(),
        ).toEqual([]);
      } finally {
        await close();
        await dropCatalogReadModelIndices(reader.client, { prefix: indexPrefix });
        await reader.close();
        db.close();
      }
    },
  );
});
