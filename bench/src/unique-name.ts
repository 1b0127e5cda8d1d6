import { randomBytes } from 'node:crypto';

/** `<prefix>_<10 hex>`: valid as a Cassandra keyspace and (lowercase) an Elasticsearch index prefix. */
export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;
