import type { ProductView } from '@commerce/contracts/inventory';

/**
 * Checks the values of a product that every read model adapter sorts, filters or keys by, and
 * returns its createdAt normalised with Date#toISOString (so text order is time order). Throws a
 * TypeError naming the product and the field; adapters call it for a whole batch before writing.
 */
export function checkProductView(product: ProductView): { createdAt: string } {
  const id = product.id;
  const fail = (field: string, value: unknown): never => {
    throw new TypeError(`product ${String(id)}: ${field} ${JSON.stringify(value)} is invalid`);
  };
  if (typeof id !== 'string' || id === '') fail('id', id);
  if (typeof product.handle !== 'string' || product.handle === '') fail('handle', product.handle);
  const createdAtMs = typeof product.createdAt === 'string' ? Date.parse(product.createdAt) : NaN;
  if (Number.isNaN(createdAtMs)) fail('createdAt', product.createdAt);
  for (const [field, money] of [
    ['priceMin', product.priceMin],
    ['priceMax', product.priceMax],
  ] as const) {
    if (!Number.isSafeInteger(money?.amount) || money.amount < 0)
      fail(`${field}.amount`, money?.amount);
  }
  if (!Number.isSafeInteger(product.available) || product.available < 0)
    fail('available', product.available);
  return { createdAt: new Date(createdAtMs).toISOString() };
}
