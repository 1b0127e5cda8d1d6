import type {
  FulfillmentInput,
  SupplierOrderPlan,
  SupplierOrderRecord,
  SupplierOrderStatus,
  SupplierOrderStrategy,
} from '@commerce/contracts/fulfillment';

export const T0 = '2030-01-01T00:00:00.000Z';
export const at = (seconds: number): string =>
  new Date(Date.parse(T0) + seconds * 1000).toISOString();

export const customer = { customerId: 'shopper-1', email: 'ada@example.com', name: 'Ada Lovelace' };
export const shippingAddress = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Row',
  city: 'London',
  postalCode: 'N1 7AA',
  country: 'GB',
};

/** A supplier order record at a status; `version` counts the transitions of its history. */
export function supplierOrderRecord(options: {
  supplierOrderId: string;
  orderId?: string;
  supplierId?: string;
  strategy?: SupplierOrderStrategy;
  status?: SupplierOrderStatus;
  skus?: string[];
  trackingNumber?: string | null;
  updatedAt?: string;
  version?: number;
}): SupplierOrderRecord {
  const {
    supplierOrderId,
    orderId = 'order-1',
    supplierId = 'acme',
    strategy = 'simulated',
    status = 'pending',
    skus = ['SKU-A'],
  } = options;
  const path: SupplierOrderStatus[] =
    status === 'rejected' || status === 'cancelled'
      ? ['pending', status]
      : (['pending', 'processing', 'shipped', 'delivered'].slice(
          0,
          ['pending', 'processing', 'shipped', 'delivered'].indexOf(status) + 1,
        ) as SupplierOrderStatus[]);
  const history = path.map((s, i) => ({
    status: s,
    at: at(i * 10),
    actor: 'system:test',
    reason: `to ${s}`,
  }));
  const shipped = status === 'shipped' || status === 'delivered';
  return {
    supplierOrderId,
    orderId,
    confirmationNumber: 'CONF123',
    supplier: { id: supplierId, name: `${supplierId} Ltd`, type: strategy },
    strategy,
    lines: skus.map((sku) => ({ sku, quantity: 1 })),
    customer,
    status,
    trackingNumber:
      options.trackingNumber ??
      (shipped ? `TRK-${supplierOrderId.replace(/[^A-Za-z0-9]/g, '')}` : null),
    carrier: shipped ? 'SimPost' : null,
    externalReference: strategy === 'dropship-api' ? `DS-${supplierOrderId}` : null,
    reason: `to ${status}`,
    allocated: true,
    history,
    createdAt: T0,
    updatedAt: options.updatedAt ?? history[history.length - 1]?.at ?? T0,
    version: options.version ?? history.length,
  };
}

export function plan(
  supplierOrderId: string,
  supplier: { id: string; type: SupplierOrderStrategy },
  skus: string[],
): SupplierOrderPlan {
  return {
    supplierOrderId,
    supplier: { id: supplier.id, name: `${supplier.id} Ltd`, type: supplier.type },
    lines: skus.map((sku) => ({ sku, quantity: 1 })),
  };
}

export function fulfillmentInput(options: {
  orderId: string;
  omsWorkflowId: string;
  holdId?: string;
  supplierOrders: SupplierOrderPlan[];
  mode?: 'auto' | 'manual';
  simulatedStageMs?: number;
  dropshipPollMs?: number;
  line1?: string;
}): FulfillmentInput {
  return {
    orderId: options.orderId,
    confirmationNumber: 'CONF123',
    omsWorkflowId: options.omsWorkflowId,
    holdId: options.holdId ?? `hold:${options.orderId}`,
    customer,
    shippingAddress: {
      ...shippingAddress,
      ...(options.line1 === undefined ? {} : { line1: options.line1 }),
    },
    supplierOrders: options.supplierOrders,
    settings: {
      mode: options.mode ?? 'auto',
      simulatedStageMs: options.simulatedStageMs ?? 300,
      dropshipPollMs: options.dropshipPollMs ?? 200,
    },
  };
}
