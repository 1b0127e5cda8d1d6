/** Which request an Idempotency-Key belongs to: keys never collide across principals or routes. */
export interface IdempotencyScope {
  principal: string;
  method: string;
  /** The route pattern, e.g. `/v1/admin/inventory/:sku`. */
  route: string;
  key: string;
}

/** A finished response kept for replay. */
export interface StoredResponse {
  status: number;
  body: string;
  contentType: string | null;
}

export type IdempotencyBegin =
  /** First use (or the previous attempt was abandoned): the caller owns `attempt` and must complete or release it. */
  | { outcome: 'started'; attempt: string }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  /** The key was used for a request with a different fingerprint. */
  | { outcome: 'mismatch' };

/** The port behind the idempotency plugin (SQLite in the embedded profile). */
export interface IdempotencyStore {
  begin(scope: IdempotencyScope, requestHash: string): Promise<IdempotencyBegin>;
  /** Records the response of the attempt; later `begin`s with the same request replay it. */
  complete(scope: IdempotencyScope, attempt: string, response: StoredResponse): Promise<void>;
  /** Forgets an unfinished attempt so the client may retry (used for 5xx outcomes). */
  release(scope: IdempotencyScope, attempt: string): Promise<void>;
  /** Deletes expired records; returns how many. */
  purgeExpired(): Promise<number>;
}
