import type { InventoryFailureType } from '@commerce/contracts/inventory';

/**
 * An expected business failure of the inventory domain. Repositories and domain code throw it;
 * activities turn it into a non-retryable ApplicationFailure of the same type. Pure: no Temporal
 * or Node imports, so workflow code may use it too.
 */
export class InventoryError extends Error {
  constructor(
    readonly type: InventoryFailureType,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = type;
  }
}

export const isInventoryError = (error: unknown): error is InventoryError => error instanceof InventoryError;
