import type { WorkerSetup, WorkerSetupContext } from '@commerce/worker-runtime';
import { createPaymentActivities } from './activities/index.js';
import { selectStores } from './adapters/select-stores.js';
import { createSimulatedPaymentProcessor } from './adapters/simulated/simulated-payment-processor.js';
import { randomTransientFailures, seededRandom } from './adapters/simulated/transient-failures.js';
import { orderSagaWriteStore, paymentProviderSettings, type OrderSagaConfig } from './config.js';

/**
 * Wiring only: the payments ledger (selected by config, closed on shutdown), the simulated payment
 * processor on it, and the payment activities. `runWorkerProcess` (main.ts) puts them on the
 * order-saga task queue with the saga workflow.
 */
export async function createOrderSagaWorker({
  config,
  onClose,
}: WorkerSetupContext<OrderSagaConfig>): Promise<WorkerSetup> {
  const stores = await selectStores(orderSagaWriteStore(config));
  onClose(stores.close);
  const provider = paymentProviderSettings(config);
  const random =
    provider.failureSeed === undefined ? Math.random : seededRandom(provider.failureSeed);
  const processor = createSimulatedPaymentProcessor({
    ledger: stores.ledger,
    creditLimit: provider.creditLimit,
    failures: randomTransientFailures(provider.failureRate, random),
  });
  return {
    activities: createPaymentActivities({ processor }),
    description: {
      store: stores.description,
      paymentFailureRate: provider.failureRate,
      paymentCreditLimit: provider.creditLimit,
    },
  };
}
