/** Cassandra keyspace names: letters, digits and underscores, at most 48 characters. */
const KEYSPACE = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

/** Throws a RangeError naming the problem unless `keyspace` is a plain (unquoted) keyspace name. */
export function assertKeyspaceName(keyspace: string): void {
  if (!KEYSPACE.test(keyspace)) {
    throw new RangeError(
      `invalid keyspace name ${JSON.stringify(keyspace)}: use a letter, then letters, digits or '_' (at most 48)`,
    );
  }
}
