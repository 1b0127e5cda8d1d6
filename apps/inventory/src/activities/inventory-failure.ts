import { makeActivityFailures, makeRequireValid } from '@commerce/activity-kit/failures';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { InventoryError, isInventoryError } from '../domain/inventory-error.js';

/** Wraps an activity so InventoryErrors leave it as ApplicationFailures; anything else is retried by Temporal. */
export const withInventoryFailures = makeActivityFailures({ isExpected: isInventoryError });

/** Refuses input that breaks its schema before anything is touched. */
export const requireValid = makeRequireValid(
  (message, problems) => new InventoryError(InventoryFailure.InvalidInput, message, { problems }),
);
