/**
 * The one catalogue of the gateway's error codes. Every problem+json response carries one of these
 * codes; its HTTP status and title come from here and nowhere else.
 */
export const ERROR_CATALOGUE = {
  bad_request: { status: 400, title: 'Bad request' },
  malformed_json: { status: 400, title: 'Malformed JSON body' },
  validation_failed: { status: 400, title: 'Request validation failed' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  route_not_found: { status: 404, title: 'Route not found' },
  product_not_found: { status: 404, title: 'Product not found' },
  collection_not_found: { status: 404, title: 'Collection not found' },
  sku_not_found: { status: 404, title: 'SKU not found' },
  hold_not_found: { status: 404, title: 'Hold not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  idempotency_request_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  stock_below_reserved: { status: 409, title: 'On-hand stock cannot go below reserved units' },
  insufficient_stock: { status: 409, title: 'Insufficient stock' },
  hold_conflict: { status: 409, title: 'Hold conflict' },
  invalid_hold_transition: { status: 409, title: 'Invalid hold transition' },
  hold_expired: { status: 410, title: 'Hold expired' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request' },
  invalid_catalog_source: { status: 422, title: 'Invalid catalog source' },
  invalid_inventory_input: { status: 422, title: 'The inventory service rejected the request' },
  internal_error: { status: 500, title: 'Internal server error' },
  not_ready: { status: 503, title: 'Service not ready' },
  temporal_unavailable: { status: 503, title: 'Workflow service unavailable' },
  workflow_timeout: { status: 504, title: 'Timed out waiting for the workflow' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The URI in a problem's `type` member for a code. */
export const problemTypeUri = (code: ErrorCode): string => `urn:durable-commerce:problem:${code}`;
