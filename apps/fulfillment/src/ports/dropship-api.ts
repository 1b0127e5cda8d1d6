import type {
  DropshipCancellationResult,
  DropshipOrderRequest,
  DropshipOrderStatus,
} from '@commerce/contracts/fulfillment';

/**
 * An API-based dropshipper (a third party that ships from its own stock). The only adapter is
 * simulated (adapters/dropship/simulated-dropshipper.ts); a real one implements the same calls
 * over HTTP. Unknown references fail with FulfillmentError UnknownDropshipOrder.
 */
export interface DropshipApi {
  /** Places the order; idempotent per supplierOrderId (a retry returns the same reference). */
  submitOrder(request: DropshipOrderRequest): Promise<DropshipOrderStatus>;
  getOrder(externalReference: string): Promise<DropshipOrderStatus>;
  /** Cancels the order unless it already shipped (then `cancelled` is false). */
  cancelOrder(externalReference: string, reason: string): Promise<DropshipCancellationResult>;
}
