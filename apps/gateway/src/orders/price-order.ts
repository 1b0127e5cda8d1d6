import type { CatalogReadModelReader } from '@commerce/catalog-search';
import type { Money, OrderLine, OrderTotals } from '@commerce/contracts/common';
import type { ProductView } from '@commerce/contracts/inventory';
import { HttpProblem } from '../errors/http-problem.js';

export interface OrderItem {
  sku: string;
  quantity: number;
}

export interface PricedOrder {
  lines: OrderLine[];
  totals: OrderTotals;
}

/** The most a line's quantity may be (OrderLine's bound): repeated SKUs are merged up to it. */
const MAX_LINE_QUANTITY = 10_000;
/** Money's upper bound (minor units). */
const MAX_AMOUNT = 1_000_000_000_00;
const TITLE_MAX = 200;

const zero = (currency: string): Money => ({ amount: 0, currency });

/**
 * Prices a direct order on the server from the catalog read model: each SKU's product (title,
 * id, supplier) and current unit price. The client never sends prices; it may send the total it
 * expects, which the route compares. Repeated SKUs become one line. Direct API orders carry no
 * discount, shipping or tax (those belong to checkout): total = subtotal.
 *
 * Problems: an unknown SKU → 422 `unknown_sku` listing every one; lines in different currencies
 * or a total beyond Money's bound → 422 `invalid_order`.
 */
export async function priceOrder(
  catalog: Pick<CatalogReadModelReader, 'getStockLevel' | 'getProduct'>,
  items: readonly OrderItem[],
): Promise<PricedOrder> {
  const merged = new Map<string, { quantity: number; index: number }>();
  items.forEach(({ sku, quantity }, index) => {
    const seen = merged.get(sku);
    merged.set(sku, { quantity: (seen?.quantity ?? 0) + quantity, index: seen?.index ?? index });
  });
  const tooMany = [...merged].filter(([, m]) => m.quantity > MAX_LINE_QUANTITY);
  if (tooMany.length > 0) {
    throw new HttpProblem(
      'invalid_order',
      `At most ${MAX_LINE_QUANTITY} units per SKU: ${tooMany.map(([sku]) => sku).join(', ')}.`,
      {
        errors: tooMany.map(([, m]) => ({
          path: `/body/items/${m.index}/quantity`,
          message: `must be <= ${MAX_LINE_QUANTITY} in total for this SKU`,
        })),
      },
    );
  }

  const products = new Map<string, Promise<ProductView | null>>();
  const productOf = (id: string) => {
    let found = products.get(id);
    if (!found) products.set(id, (found = catalog.getProduct(id)));
    return found;
  };
  const resolved = await Promise.all(
    [...merged].map(async ([sku, { quantity, index }]) => {
      const level = await catalog.getStockLevel(sku);
      const product = level ? await productOf(level.productId) : null;
      const variant = product?.variants.find((v) => v.sku === sku);
      return { sku, quantity, index, product, variant };
    }),
  );

  const unknown = resolved.filter((r) => !r.product || !r.variant);
  if (unknown.length > 0) {
    throw new HttpProblem(
      'unknown_sku',
      `The catalog does not sell ${unknown.map((u) => u.sku).join(', ')}.`,
      {
        errors: unknown.map((u) => ({
          path: `/body/items/${u.index}/sku`,
          message: 'unknown SKU',
        })),
      },
    );
  }

  const lines: OrderLine[] = resolved.map(({ sku, quantity, product, variant }) => {
    const { color, size } = variant!.options;
    return {
      sku,
      quantity,
      unitPrice: { ...variant!.price },
      title: `${product!.title} (${color} / ${size})`.slice(0, TITLE_MAX),
      productId: product!.id,
      supplier: { id: product!.supplier.id, name: product!.supplier.name, type: product!.supplier.type },
    };
  });

  const currencies = [...new Set(lines.map((l) => l.unitPrice.currency))];
  if (currencies.length !== 1) {
    throw new HttpProblem(
      'invalid_order',
      `The items are priced in different currencies (${currencies.join(', ')}); place one order per currency.`,
    );
  }
  const currency = currencies[0]!;
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  if (subtotal > MAX_AMOUNT) {
    throw new HttpProblem('invalid_order', 'The order total exceeds the largest amount accepted.');
  }
  return {
    lines,
    totals: {
      subtotal: { amount: subtotal, currency },
      discount: zero(currency),
      shipping: zero(currency),
      tax: zero(currency),
      total: { amount: subtotal, currency },
    },
  };
}
