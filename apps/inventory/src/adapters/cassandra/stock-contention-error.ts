/**
 * A compare-and-set on an SKU's stock lost to concurrent writers more often than the retry budget
 * allows. Not an InventoryError: it leaves an activity as an ordinary (retryable) failure, so
 * Temporal tries the whole operation again later; operations are idempotent per hold/adjustment.
 */
export class StockContentionError extends Error {
  constructor(
    readonly sku: string,
    readonly attempts: number,
  ) {
    super(`stock of ${sku} is contended: gave up after ${attempts} compare-and-set attempts`);
    this.name = 'StockContentionError';
  }
}
