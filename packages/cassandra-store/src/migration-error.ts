export type MigrationErrorCode =
  /** A file name, statement or directory that the runner refuses (nothing was applied). */
  | 'INVALID_MIGRATION'
  /** An applied file was edited afterwards (nothing was applied). */
  | 'CHECKSUM_MISMATCH'
  /** The keyspace records a version whose file is gone (nothing was applied). */
  | 'MISSING_MIGRATION'
  /** Another migrator held the lock for longer than the wait allowed. */
  | 'LOCK_TIMEOUT'
  /** The lease expired while applying (another migrator may have taken over). */
  | 'LOCK_LOST'
  /** A statement failed; earlier files stay applied, the failing file is not recorded. */
  | 'STATEMENT_FAILED';

/** Every failure of `migrateKeyspace`, with a machine-readable `code`. */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}
