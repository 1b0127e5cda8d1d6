import { createLogger } from '@commerce/logging';
import { openDatabase } from '@commerce/sqlite-store';
import { build } from './app.js';
import { loadConfig } from './config.js';
import { openIdempotencyStore } from './idempotency/open-idempotency-store.js';
import { openCatalogReadModel } from './read-model/open-catalog-read-model.js';
import { openOrderSearchReader } from './read-model/open-order-search.js';
import { createTemporalClientProvider } from './temporal/temporal-client-provider.js';

const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Process entry: config → logger → SQLite → idempotency store (STORE) → read models (SEARCH) →
 * Temporal client → build → listen.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ name: 'gateway', level: config.logLevel });

  const db = openDatabase({ filename: config.sqlitePath });
  const idempotency = await openIdempotencyStore(config.store, db);
  const { readModel, close: closeReadModel } = await openCatalogReadModel(config.search, db);
  const orders = await openOrderSearchReader(config.search, db);
  const temporal = createTemporalClientProvider({
    address: config.temporal.address,
    namespace: config.temporal.namespace,
  });

  const app = await build({
    config,
    logger,
    readModel,
    orderSearch: orders.orderSearch,
    temporal,
    idempotencyStore: idempotency.store,
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting immediately');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'graceful shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .close()
      .then(() => temporal.close())
      .then(() => orders.close())
      .then(() => closeReadModel())
      .then(() => idempotency.close())
      .then(() => {
        db.close();
        logger.info('stopped');
        process.exitCode = 0;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exitCode = 1;
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });

  const address = await app.listen({ host: config.host, port: config.port });
  logger.info(
    {
      address,
      docs: `${config.publicUrl ?? address}/docs`,
      temporal: config.temporal.address,
      sqlite: config.sqlitePath,
      search: config.search.engine,
      idempotency: idempotency.description,
      orders: orders.description,
    },
    'gateway listening',
  );
}

main().catch((err: unknown) => {
  // The logger may not exist yet (e.g. invalid configuration): report on stderr and fail.
  process.stderr.write(
    `gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
