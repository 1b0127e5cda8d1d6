import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@commerce/logging';
import { openDatabase } from '@commerce/sqlite-store';
import {
  connectClient,
  connectWorkerConnection,
  installTemporalRuntime,
  runWorkerUntilSignal,
  workflowSource,
} from '@commerce/worker-runtime';
import { selectStores } from './adapters/select-stores.js';
import { selectReadModel } from './adapters/select-read-model.js';
import { createTemporalStockChangeNotifier } from './adapters/temporal/temporal-stock-change-notifier.js';
import { createCatalogSources } from './catalog/catalog-sources.js';
import { loadInventoryConfig, projectorSettings, readModelSettings, writeStoreSettings } from './config.js';
import { createInventoryWorker } from './worker.js';

// Process entry: config → logger → runtime → stores → connections → worker → graceful shutdown.
const config = loadInventoryConfig();
const logger = createLogger({ name: 'inventory-worker', level: config.LOG_LEVEL });
installTemporalRuntime(logger);

const db = openDatabase({ filename: config.SQLITE_PATH });
const stores = await selectStores(writeStoreSettings(config), db);
const readModel = await selectReadModel(readModelSettings(config), db);

const address = config.TEMPORAL_ADDRESS;
const namespace = config.TEMPORAL_NAMESPACE;
const connection = await connectWorkerConnection({ address, logger });
const client = await connectClient({ address, namespace, logger });
try {
  const here = extname(fileURLToPath(import.meta.url));
  const worker = await createInventoryWorker({
    connection,
    namespace,
    workflows: workflowSource({
      workflowsPath: fileURLToPath(new URL(`./workflows/index${here}`, import.meta.url)),
      bundlePath: config.INVENTORY_WORKFLOW_BUNDLE ?? fileURLToPath(new URL('./workflow-bundle.js', import.meta.url)),
      requireBundle: config.INVENTORY_WORKFLOW_BUNDLE !== undefined,
    }),
    catalog: stores.catalog,
    stock: stores.stock,
    readModel: readModel.readModel,
    notifier: createTemporalStockChangeNotifier({ client, settings: projectorSettings(config) }),
    catalogSources: createCatalogSources(),
    lowStockThreshold: config.LOW_STOCK_THRESHOLD,
  });
  logger.info({ address, namespace, sqlitePath: config.SQLITE_PATH, store: stores.description }, 'inventory worker starting');
  await runWorkerUntilSignal({ worker, logger });
} catch (err) {
  logger.error({ err }, 'inventory worker failed');
  process.exitCode = 1;
} finally {
  await client.connection.close();
  await connection.close();
  await readModel.close();
  await stores.close();
  db.close();
}
