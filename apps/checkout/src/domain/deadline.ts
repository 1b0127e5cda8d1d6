/** The longest hold inventory accepts (RenewHoldInput.ttlSeconds maximum). */
export const MAX_HOLD_TTL_SECONDS = 30 * 24 * 3600;

/** When a checkout last touched at `lastActivityAt` expires (inactivity limit `timeoutMs`). */
export function expiresAt(lastActivityAt: string, timeoutMs: number): string {
  return new Date(Date.parse(lastActivityAt) + timeoutMs).toISOString();
}

/**
 * The hold TTL the checkout asks for whenever its inactivity clock restarts: its whole remaining
 * lifetime (timeoutMs, rounded up to seconds) plus the margin, capped at what inventory accepts.
 */
export function holdTtlSeconds(settings: { timeoutMs: number; holdMarginSeconds: number }): number {
  return Math.min(MAX_HOLD_TTL_SECONDS, Math.max(1, Math.ceil(settings.timeoutMs / 1000) + settings.holdMarginSeconds));
}
