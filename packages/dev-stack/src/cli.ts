#!/usr/bin/env node
// `pnpm start`: runs the whole platform on the embedded profile until Ctrl-C.
// `pnpm start:production` (`--production`): the same on Cassandra + Elasticsearch.
import { loadDevStackConfig } from './config.js';
import { startStack } from './stack.js';

const began = Date.now();
const log = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const production = process.argv.includes('--production');
  const config = loadDevStackConfig(production ? { ...process.env, PROFILE: 'production' } : process.env);
  const stack = await startStack({ config, log, progressStream: process.stderr });
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  log('');
  log(`Durable Commerce is running (${stack.profile} profile) — ready in ${seconds} s`);
  log(`  Gateway      ${stack.gatewayUrl}`);
  log(`  Swagger UI   ${stack.docsUrl}`);
  log(`  OpenAPI      ${stack.gatewayUrl}/openapi.json`);
  log(`  Temporal     ${stack.temporalAddress}`);
  if (stack.temporalUiUrl) log(`  Temporal UI  ${stack.temporalUiUrl}`);
  if (stack.stores) {
    log(`  Cassandra    ${stack.stores.cassandra}`);
    log(`  Elasticsearch ${stack.stores.elasticsearch}`);
  } else {
    log(`  Data         ${stack.sqlitePath}`);
  }
  log(`  Logs         ${stack.logDir}`);
  log(`  Admin token  ${stack.adminToken}${stack.adminTokenCreated ? '   (new: generated on this first start)' : ''}`);
  log('');
  log(`  try: curl '${stack.gatewayUrl}/v1/products?q=linen&limit=3'`);
  log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping…`);
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`pnpm start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
