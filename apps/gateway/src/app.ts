import type { CatalogReadModelReader } from '@commerce/catalog-search';
import type { Logger } from '@commerce/logging';
import type { OrderSearchReader } from '@commerce/order-search';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { GatewayConfig } from './config.js';
import { toHttpProblem } from './errors/to-http-problem.js';
import { registerSharedSchemas } from './http/shared-schemas.js';
import { createValidatorFactory } from './http/validator-compiler.js';
import type { IdempotencyStore } from './idempotency/idempotency-store.js';
import adminAuth from './plugins/app/admin-auth.js';
import carts from './plugins/app/carts.js';
import errorHandler, { clientErrorHandler, sendProblem } from './plugins/app/error-handler.js';
import idempotency from './plugins/app/idempotency.js';
import optionsRequests from './plugins/app/options-requests.js';
import orders from './plugins/app/orders.js';
import readModelPlugin from './plugins/app/read-model.js';
import requestId, { requestIdFor } from './plugins/app/request-id.js';
import temporalClient from './plugins/app/temporal-client.js';
import cors from './plugins/external/cors.js';
import swagger from './plugins/external/swagger.js';
import swaggerUi from './plugins/external/swagger-ui.js';
import adminCouponRoutes from './routes/admin-coupons/index.js';
import adminFulfillmentRoutes from './routes/admin-fulfillments/index.js';
import adminInventoryRoutes from './routes/admin-inventory/index.js';
import adminOrderRoutes from './routes/admin-orders/index.js';
import cartRoutes from './routes/carts/index.js';
import checkoutRoutes from './routes/checkouts/index.js';
import collectionRoutes from './routes/collections/index.js';
import healthRoutes from './routes/health/index.js';
import openApiRoutes from './routes/openapi/index.js';
import orderRoutes from './routes/orders/index.js';
import productRoutes from './routes/products/index.js';
import type { TemporalClientProvider } from './temporal/temporal-client-provider.js';

/** The version of the HTTP API described by the OpenAPI document (paths are under /v1). */
export const API_VERSION = '1.0.0';

export interface BuildOptions {
  config: Pick<
    GatewayConfig,
    | 'adminBootstrapToken'
    | 'bodyLimitBytes'
    | 'corsOrigins'
    | 'publicUrl'
    | 'temporal'
    | 'orders'
    | 'cart'
  >;
  logger: Logger;
  readModel: CatalogReadModelReader;
  /** The `orders` search projection (GET /v1/admin/orders). */
  orderSearch: OrderSearchReader;
  temporal: TemporalClientProvider;
  idempotencyStore: IdempotencyStore;
  /** Deadlines (defaults: 10 s per Temporal RPC, 2 s per readiness check). */
  timeouts?: { temporalRpcMs?: number; readinessCheckMs?: number };
}

export type GatewayApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * Builds the configured gateway without listening: tests drive it with `app.inject()`, main.ts
 * listens. The caller owns the injected dependencies and closes them after `app.close()`.
 */
export async function build(options: BuildOptions): Promise<GatewayApp> {
  const { config, logger, readModel, orderSearch, temporal, idempotencyStore, timeouts = {} } =
    options;

  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    genReqId: requestIdFor,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 256 },
    schemaController: { compilersFactory: { buildValidator: createValidatorFactory() } },
    // Errors Node's HTTP parser raises before a request exists (a request line or headers over
    // `maxHeaderSize` = 16 KiB → 431, an unparsable request → 400, a slow client → 408): still
    // problem+json with a request id, written on the socket.
    clientErrorHandler,
    frameworkErrors: (error, request, reply) => {
      void sendProblem(request, reply, toHttpProblem(error));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON only: any other media type is a 415, not a string body that fails validation later.
  app.removeContentTypeParser('text/plain');
  registerSharedSchemas(app);

  await app.register(errorHandler);
  await app.register(requestId);
  await app.register(swagger, { version: API_VERSION, publicUrl: config.publicUrl });
  await app.register(swaggerUi);
  await app.register(optionsRequests);
  await app.register(cors, { origins: config.corsOrigins });

  await app.register(readModelPlugin, { readModel });
  await app.register(orders, { settings: config.orders, search: orderSearch });
  await app.register(carts, { settings: config.cart });
  await app.register(temporalClient, {
    provider: temporal,
    uiUrl: config.temporal.uiUrl,
    rpcTimeoutMs: timeouts.temporalRpcMs ?? 10_000,
    resultTimeoutMs: config.temporal.workflowResultTimeoutMs,
  });
  await app.register(adminAuth, { bootstrapToken: config.adminBootstrapToken });
  await app.register(idempotency, { store: idempotencyStore });

  await app.register(healthRoutes, { checkTimeoutMs: timeouts.readinessCheckMs ?? 2_000 });
  await app.register(openApiRoutes);
  await app.register(productRoutes);
  await app.register(collectionRoutes);
  await app.register(adminInventoryRoutes);
  await app.register(orderRoutes);
  await app.register(adminOrderRoutes);
  await app.register(adminFulfillmentRoutes);
  await app.register(cartRoutes);
  await app.register(checkoutRoutes);
  await app.register(adminCouponRoutes);

  return app;
}
