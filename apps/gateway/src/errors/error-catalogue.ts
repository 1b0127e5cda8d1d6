/**
 * The one catalogue of the gateway's error codes. Every problem+json response carries one of these
 * codes; its HTTP status and title come from here and nowhere else.
 */
export const ERROR_CATALOGUE = {
  bad_request: { status: 400, title: 'Bad request' },
  malformed_json: { status: 400, title: 'Malformed JSON body' },
  validation_failed: { status: 400, title: 'Request validation failed' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  payment_declined: { status: 402, title: 'Payment declined' },
  invalid_card: { status: 402, title: 'Invalid card' },
  route_not_found: { status: 404, title: 'Route not found' },
  product_not_found: { status: 404, title: 'Product not found' },
  collection_not_found: { status: 404, title: 'Collection not found' },
  sku_not_found: { status: 404, title: 'SKU not found' },
  hold_not_found: { status: 404, title: 'Hold not found' },
  order_not_found: { status: 404, title: 'Order not found' },
  return_not_found: { status: 404, title: 'Return not found' },
  unknown_supplier_order: { status: 404, title: 'Supplier order not found' },
  payment_not_found: { status: 404, title: 'Payment not found' },
  unknown_dropship_order: { status: 404, title: 'The dropshipper does not know the order' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  idempotency_request_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  stock_below_reserved: { status: 409, title: 'On-hand stock cannot go below reserved units' },
  insufficient_stock: { status: 409, title: 'Insufficient stock' },
  hold_conflict: { status: 409, title: 'Hold conflict' },
  invalid_hold_transition: { status: 409, title: 'Invalid hold transition' },
  price_changed: { status: 409, title: 'The order total differs from the expected total' },
  order_id_conflict: { status: 409, title: 'Another order already has this order id' },
  order_closed: { status: 409, title: 'The order is closed' },
  order_not_awaiting_approval: { status: 409, title: 'The order is not awaiting approval' },
  order_already_shipped: { status: 409, title: 'The order has already shipped' },
  order_not_cancellable: { status: 409, title: 'The order can no longer be cancelled' },
  invalid_order_status_transition: { status: 409, title: 'Order status transition not allowed' },
  return_not_allowed: { status: 409, title: 'Return not allowed' },
  nothing_to_advance: { status: 409, title: 'Nothing to advance' },
  supplier_rejected: { status: 409, title: 'The supplier rejected the order' },
  fulfillment_cancelled: { status: 409, title: 'The fulfillment was cancelled' },
  refund_exceeds_capture: { status: 409, title: 'Refund exceeds the captured amount' },
  payment_already_voided: { status: 409, title: 'The payment was voided' },
  payment_already_captured: { status: 409, title: 'The payment was captured' },
  payment_idempotency_conflict: { status: 409, title: 'The payment operation id was used for another operation' },
  stock_no_longer_held: { status: 409, title: "The order's stock reservation has lapsed" },
  hold_expired: { status: 410, title: 'Hold expired' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  invalid_catalog_source: { status: 422, title: 'Invalid catalog source' },
  invalid_inventory_input: { status: 422, title: 'The inventory service rejected the request' },
  unknown_sku: { status: 422, title: 'Unknown SKU' },
  invalid_order: { status: 422, title: 'Invalid order' },
  invalid_return: { status: 422, title: 'Invalid return' },
  order_declined: { status: 422, title: 'Order declined' },
  invalid_oms_input: { status: 422, title: 'The order management service rejected the request' },
  invalid_fulfillment_input: { status: 422, title: 'The fulfillment service rejected the request' },
  internal_error: { status: 500, title: 'Internal server error' },
  not_ready: { status: 503, title: 'Service not ready' },
  payment_provider_unavailable: { status: 503, title: 'Payment provider unavailable' },
  temporal_unavailable: { status: 503, title: 'Workflow service unavailable' },
  workflow_timeout: { status: 504, title: 'Timed out waiting for the workflow' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The URI in a problem's `type` member for a code. */
export const problemTypeUri = (code: ErrorCode): string => `urn:durable-commerce:problem:${code}`;
