import type { OrderSearchDocument } from '@commerce/contracts/oms';
import { indexTerms } from './search-terms.js';

const STATUSES: ReadonlySet<string> = new Set([
  'placed',
  'processing',
  'partially_shipped',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'returned',
]);

/** The values every adapter derives from a document: normalised instants and the search text. */
export interface OrderDocumentFields {
  /** placedAt normalised with Date#toISOString, so text order is time order. */
  placedAt: string;
  updatedAt: string;
  /** The index terms (indexTerms) of id, confirmation number, customer name and email, and SKUs. */
  terms: string[];
  /** Distinct supplier ids, in first-seen order. */
  suppliers: string[];
}

/**
 * Checks what adapters key, sort, filter and facet by, and derives the indexed fields. Throws a
 * TypeError naming the order and the field; adapters call it for a whole batch before writing.
 */
export function checkOrderSearchDocument(doc: OrderSearchDocument): OrderDocumentFields {
  const id = (doc as { orderId?: unknown } | null)?.orderId;
  const fail = (field: string, value: unknown): never => {
    throw new TypeError(`order ${String(id)}: ${field} ${JSON.stringify(value)} is invalid`);
  };
  if (typeof id !== 'string' || id === '' || id.length > 100) fail('orderId', id);
  if (!Number.isSafeInteger(doc.version) || doc.version < 1) fail('version', doc.version);
  if (typeof doc.status !== 'string' || !STATUSES.has(doc.status)) fail('status', doc.status);
  if (typeof doc.confirmationNumber !== 'string') fail('confirmationNumber', doc.confirmationNumber);
  if (typeof doc.customerEmail !== 'string') fail('customerEmail', doc.customerEmail);
  if (typeof doc.customerName !== 'string') fail('customerName', doc.customerName);
  if (doc.customerId !== null && (typeof doc.customerId !== 'string' || doc.customerId === '')) {
    fail('customerId', doc.customerId);
  }
  if (!Number.isSafeInteger(doc.total?.amount) || doc.total.amount < 0) fail('total.amount', doc.total?.amount);
  if (!Number.isSafeInteger(doc.itemCount) || doc.itemCount < 0) fail('itemCount', doc.itemCount);
  if (!Array.isArray(doc.skus) || !doc.skus.every((s) => typeof s === 'string')) fail('skus', doc.skus);
  if (!Array.isArray(doc.suppliers) || !doc.suppliers.every((s) => typeof s === 'string' && s !== '')) {
    fail('suppliers', doc.suppliers);
  }
  const instant = (field: 'placedAt' | 'updatedAt'): string => {
    const ms = typeof doc[field] === 'string' ? Date.parse(doc[field]) : NaN;
    if (Number.isNaN(ms)) fail(field, doc[field]);
    return new Date(ms).toISOString();
  };
  return {
    placedAt: instant('placedAt'),
    updatedAt: instant('updatedAt'),
    terms: [...new Set([doc.orderId, doc.confirmationNumber, doc.customerName, doc.customerEmail, ...doc.skus].flatMap(indexTerms))],
    suppliers: [...new Set(doc.suppliers)],
  };
}

/**
 * The newest version of each order of a batch (first-seen order of ids), and how many documents
 * lost to a newer (or equal) version of the same order within the batch.
 */
export function newestPerOrder(docs: readonly OrderSearchDocument[]): {
  docs: OrderSearchDocument[];
  superseded: number;
} {
  const newest = new Map<string, OrderSearchDocument>();
  for (const doc of docs) {
    const seen = newest.get(doc.orderId);
    if (seen === undefined || doc.version > seen.version) newest.set(doc.orderId, doc);
  }
  return { docs: [...newest.values()], superseded: docs.length - newest.size };
}
