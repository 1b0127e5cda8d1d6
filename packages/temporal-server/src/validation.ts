/** Rejects a port that is not an integer in 1..65535, naming the option. */
export function assertPort(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new RangeError(`${name} must be an integer between 1 and 65535 (got ${String(value)})`);
  }
}

/** Rejects a readiness timeout that is not a positive number of milliseconds. */
export function assertTimeout(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number of ms (got ${String(value)})`);
}
