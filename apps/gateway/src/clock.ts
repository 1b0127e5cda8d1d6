/** Where the gateway reads the time (injected so expiry can be tested without sleeping). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
