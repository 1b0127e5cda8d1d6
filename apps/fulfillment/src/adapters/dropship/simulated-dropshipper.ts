import { createHash } from 'node:crypto';
import {
  FulfillmentFailure,
  type DropshipCancellationResult,
  type DropshipOrderRequest,
  type DropshipOrderStatus,
} from '@commerce/contracts/fulfillment';
import { FulfillmentError } from '../../domain/fulfillment-error.js';
import type { DropshipApi } from '../../ports/dropship-api.js';

/**
 * Test hooks that force a rejection, whatever the rate:
 * - the shipping address's first line contains `REJECT` (any case), e.g. "1 REJECT Street";
 * - the supplier id ends with `-rejects`, e.g. `acme-dropship-rejects`.
 */
export const FORCE_REJECT_ADDRESS_MARKER = 'REJECT';
export const FORCE_REJECT_SUPPLIER_SUFFIX = '-rejects';

export const SIMULATED_CARRIER = 'SimShip Freight';

/** Why the simulated supplier refuses an order; `accepted` when it does not. */
type Outcome = 'accepted' | 'address' | 'supplier' | 'stock';

const OUTCOME_CODE: Record<Outcome, string> = {
  accepted: 'a',
  address: 'x',
  supplier: 's',
  stock: 'o',
};
const OUTCOME_OF_CODE = Object.fromEntries(
  Object.entries(OUTCOME_CODE).map(([k, v]) => [v, k as Outcome]),
);
const REJECTION_REASON: Record<Exclude<Outcome, 'accepted'>, string> = {
  address: 'the dropshipper does not deliver to this address',
  supplier: 'the supplier refuses every order',
  stock: 'the supplier is out of stock',
};

const REFERENCE = /^DS-([0-9a-f]{12})-([0-9a-z]{1,12})-([axso])$/;

export interface SimulatedDropshipperOptions {
  /**
   * How long each remote stage lasts: received → processing → shipped → delivered, each after
   * `stageMs` (a rejected order is rejected when processing would start).
   */
  stageMs: number;
  /** Share of orders the supplier refuses, 0..1 (DROPSHIP_REJECTION_RATE). Deterministic per supplierOrderId. */
  rejectionRate: number;
  /** The API's clock (tests pin it); default the system clock. */
  now?: () => Date;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Where in [0, 1) the supplier order falls for the rejection rate: the first 32 bits of its
 * SHA-256, so the same supplier order is always accepted or always rejected at a given rate.
 */
export function rejectionDraw(supplierOrderId: string): number {
  return Number.parseInt(digest(supplierOrderId).slice(0, 8), 16) / 2 ** 32;
}

/** The simulated supplier's decision about an order (exported for tests and docs). */
export function decideOutcome(
  request: Pick<DropshipOrderRequest, 'supplierOrderId' | 'supplierId' | 'shippingAddress'>,
  rejectionRate: number,
): Outcome {
  if (request.shippingAddress.line1.toUpperCase().includes(FORCE_REJECT_ADDRESS_MARKER))
    return 'address';
  if (request.supplierId.endsWith(FORCE_REJECT_SUPPLIER_SUFFIX)) return 'supplier';
  return rejectionDraw(request.supplierOrderId) < rejectionRate ? 'stock' : 'accepted';
}

/**
 * An API-based dropshipper, simulated. Like a real one, it takes an order, answers with its own
 * reference and moves the order on by itself: received → processing → shipped (with a tracking
 * number) → delivered, one stage every `stageMs`; or it refuses the order (rejected) — at the
 * configured rate, decided deterministically per supplierOrderId, or forced by the test hooks
 * above. It keeps no state: the reference encodes the order's hash, its submission time and the
 * supplier's decision, so every worker replica (and a restarted one) answers a poll the same way,
 * and a retried submission (same supplierOrderId and submittedAt) gets the same reference.
 * Cancellation is granted until the order ships; the caller stops polling a cancelled order.
 */
export function createSimulatedDropshipper(options: SimulatedDropshipperOptions): DropshipApi {
  const { stageMs, rejectionRate, now = () => new Date() } = options;
  if (!Number.isInteger(stageMs) || stageMs < 0)
    throw new RangeError(`stageMs must be a non-negative integer, got ${String(stageMs)}`);
  if (!(rejectionRate >= 0 && rejectionRate <= 1))
    throw new RangeError(`rejectionRate must be within 0..1, got ${String(rejectionRate)}`);

  const parse = (
    externalReference: string,
  ): { hash: string; submittedAt: number; outcome: Outcome } => {
    const match = REFERENCE.exec(externalReference);
    const outcome = match?.[3] === undefined ? undefined : OUTCOME_OF_CODE[match[3]];
    const submittedAt = match?.[2] === undefined ? Number.NaN : Number.parseInt(match[2], 36);
    if (match?.[1] === undefined || outcome === undefined || !Number.isSafeInteger(submittedAt)) {
      throw new FulfillmentError(
        FulfillmentFailure.UnknownDropshipOrder,
        `the dropshipper knows no order ${JSON.stringify(externalReference)}`,
        {
          externalReference,
        },
      );
    }
    return { hash: match[1], submittedAt, outcome };
  };

  const statusOf = (externalReference: string): DropshipOrderStatus => {
    const { hash, submittedAt, outcome } = parse(externalReference);
    const elapsed = Math.max(0, now().getTime() - submittedAt);
    const stage = stageMs === 0 ? 3 : Math.floor(elapsed / stageMs);
    const base = { externalReference, trackingNumber: null, carrier: null, reason: '' };
    if (stage < 1) return { ...base, status: 'received' };
    if (outcome !== 'accepted')
      return { ...base, status: 'rejected', reason: REJECTION_REASON[outcome] };
    if (stage < 2) return { ...base, status: 'processing' };
    const shipped = {
      ...base,
      trackingNumber: `DS1Z${hash.toUpperCase()}`,
      carrier: SIMULATED_CARRIER,
    };
    return stage < 3 ? { ...shipped, status: 'shipped' } : { ...shipped, status: 'delivered' };
  };

  // Promise.resolve().then: a bad reference or request rejects the promise instead of throwing.
  return {
    submitOrder: (request) =>
      Promise.resolve().then(() => {
        const submittedAt = Date.parse(request.submittedAt);
        if (Number.isNaN(submittedAt))
          throw new RangeError(`submittedAt is not a timestamp: ${request.submittedAt}`);
        const outcome = decideOutcome(request, rejectionRate);
        return statusOf(
          `DS-${digest(request.supplierOrderId).slice(0, 12)}-${submittedAt.toString(36)}-${OUTCOME_CODE[outcome]}`,
        );
      }),
    getOrder: (externalReference) => Promise.resolve().then(() => statusOf(externalReference)),
    cancelOrder: (externalReference, reason) =>
      Promise.resolve().then((): DropshipCancellationResult => {
        const order = statusOf(externalReference);
        if (order.status === 'received' || order.status === 'processing')
          return { cancelled: true, order: { ...order, status: 'cancelled', reason } };
        return { cancelled: false, order };
      }),
  };
}
