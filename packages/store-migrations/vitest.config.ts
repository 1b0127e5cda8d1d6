import { defineCommerceVitestConfig } from '@commerce/test-kit/vitest-config';

// The CLI is tested against the run's real Cassandra and Elasticsearch.
export default defineCommerceVitestConfig({ stores: true, testTimeout: 180_000 });
