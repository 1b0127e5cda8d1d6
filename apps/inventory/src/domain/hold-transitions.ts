import type { HoldStatus } from '@commerce/contracts/inventory';

/**
 * The one table of hold-line transitions. A line moves held → confirmed → allocated → fulfilled,
 * or leaves through released (from held / confirmed / allocated) or expired (from held only).
 * `reopen` takes a confirmed line back to held (a checkout's order was declined: the checkout
 * keeps the stock for the next attempt); the caller also gives the hold a fresh expiry.
 */
export type HoldAction = 'confirm' | 'allocate' | 'fulfill' | 'release' | 'expire' | 'reopen';

interface TransitionRule {
  to: HoldStatus;
  /** Statuses the action applies to. */
  from: readonly HoldStatus[];
  /** Statuses in which the line already went through this action: applying it again is a no-op (a retry). */
  alreadyApplied: readonly HoldStatus[];
}

const RULES: Record<HoldAction, TransitionRule> = {
  confirm: { to: 'confirmed', from: ['held'], alreadyApplied: ['confirmed', 'allocated', 'fulfilled'] },
  allocate: { to: 'allocated', from: ['confirmed'], alreadyApplied: ['allocated', 'fulfilled'] },
  fulfill: { to: 'fulfilled', from: ['allocated'], alreadyApplied: ['fulfilled'] },
  // Releasing a line that already expired is a no-op: its units are back in `available` either way.
  release: { to: 'released', from: ['held', 'confirmed', 'allocated'], alreadyApplied: ['released', 'expired'] },
  expire: { to: 'expired', from: ['held'], alreadyApplied: ['expired'] },
  // A held line is already open (a retry): only the hold's expiry moves. An expired line answers
  // HoldExpired (its time ran out: the owner must hold afresh); a released line is an invalid
  // transition (it was let go on purpose); allocated / fulfilled lines went past the point of no
  // return and are invalid too.
  reopen: { to: 'held', from: ['confirmed'], alreadyApplied: ['held'] },
};

export type TransitionPlan =
  | { kind: 'apply'; from: HoldStatus; to: HoldStatus }
  | { kind: 'noop' }
  /** The line expired: the caller should hear HoldExpired rather than a generic invalid transition. */
  | { kind: 'expired' }
  | { kind: 'invalid'; reason: string };

export function planHoldTransition(status: HoldStatus, action: HoldAction): TransitionPlan {
  const rule = RULES[action];
  if (rule.from.includes(status)) return { kind: 'apply', from: status, to: rule.to };
  if (rule.alreadyApplied.includes(status)) return { kind: 'noop' };
  if (status === 'expired') return { kind: 'expired' };
  return { kind: 'invalid', reason: `cannot ${action} a line that is ${status}` };
}

/** Lines in these statuses still reserve units (they count in held / confirmed / allocated). */
export const ACTIVE_HOLD_STATUSES: readonly HoldStatus[] = ['held', 'confirmed', 'allocated'];

export const isActiveStatus = (status: HoldStatus): boolean => ACTIVE_HOLD_STATUSES.includes(status);

/**
 * Holding again with the same (holdId, sku) sets the line's quantity. That is possible while the
 * line is held, or after it left (released / expired: it is held afresh). A line that moved on
 * (confirmed / allocated / fulfilled) accepts only the same quantity again, as a retried no-op.
 */
export type Rehold = { kind: 'set'; currentlyHeld: number } | { kind: 'noop' } | { kind: 'invalid'; reason: string };

export function planRehold(line: { status: HoldStatus; quantity: number } | undefined, quantity: number): Rehold {
  if (line === undefined || line.status === 'released' || line.status === 'expired') return { kind: 'set', currentlyHeld: 0 };
  if (line.status === 'held') return line.quantity === quantity ? { kind: 'noop' } : { kind: 'set', currentlyHeld: line.quantity };
  if (line.quantity === quantity) return { kind: 'noop' };
  return { kind: 'invalid', reason: `cannot change the quantity of a line that is ${line.status}` };
}

/** A hold is expired by the clock once its expiry is not in the future. */
export const isPastExpiry = (expiresAt: string, now: string): boolean => Date.parse(expiresAt) <= Date.parse(now);

export function addSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
