import type { CartSettings } from '@commerce/contracts/cart';

/** The cart renews its hold when this much of the TTL has passed (2/3): well before it expires. */
export function renewAfterMs(holdTtlSeconds: number): number {
  return Math.max(1, Math.floor((holdTtlSeconds * 1000 * 2) / 3));
}

export interface HoldClock {
  nowMs: number;
  /** When the shopper last changed the cart. */
  lastActivityMs: number;
  /** When the hold was last taken or renewed by the cart (null: unknown, e.g. a new run). */
  lastHoldMs: number | null;
  /** Whether any line is held for the cart now. */
  anyHeld: boolean;
  /** A live checkout renews the hold itself and blocks abandonment. */
  checkoutLive: boolean;
}

export type HoldAction = 'renew' | 'release' | 'abandon';

export interface Deadline {
  action: HoldAction;
  atMs: number;
}

type Timing = Pick<CartSettings, 'holdTtlSeconds' | 'holdKeepAliveMs' | 'idleTimeoutMs'>;

/**
 * The next thing the cart must do on its own, and when: abandon once idle for idleTimeoutMs (not
 * while a checkout is live); release the held lines once the keep-alive window lapsed; else renew
 * the hold at 2/3 of its TTL while the shopper is active. Null: nothing to do until a change.
 * A deadline at or before `nowMs` is due.
 */
export function nextDeadline(settings: Timing, clock: HoldClock): Deadline | null {
  if (clock.checkoutLive) return null;
  const abandonAt = clock.lastActivityMs + settings.idleTimeoutMs;
  const candidates: Deadline[] = [{ action: 'abandon', atMs: abandonAt }];
  if (clock.anyHeld) {
    const keepAliveEnd = clock.lastActivityMs + settings.holdKeepAliveMs;
    candidates.push({ action: 'release', atMs: keepAliveEnd });
    const renewAt = clock.lastHoldMs === null ? clock.nowMs : clock.lastHoldMs + renewAfterMs(settings.holdTtlSeconds);
    if (renewAt < keepAliveEnd) candidates.push({ action: 'renew', atMs: renewAt });
  }
  // Earliest first; on a tie, abandon before release before renew.
  const order: Record<HoldAction, number> = { abandon: 0, release: 1, renew: 2 };
  candidates.sort((a, b) => a.atMs - b.atMs || order[a.action] - order[b.action]);
  return candidates[0] ?? null;
}
