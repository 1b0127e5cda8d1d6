import type { OrderSearchDocument } from '@commerce/contracts/oms';
import { checkOrderSearchDocument } from '../order-document.js';

/**
 * An order as the `orders` index stores it (infra/elasticsearch/indices/orders.json): the document
 * untouched under `doc` (not indexed, returned by searches) and the fields searches filter, facet,
 * sort and match on, derived in TypeScript with the package's shared helpers.
 */
export interface OrderIndexDocument {
  orderId: string;
  confirmationNumber: string;
  status: string;
  customerId: string | null;
  customerEmail: string;
  total: number;
  currency: string;
  itemCount: number;
  skus: string[];
  suppliers: string[];
  placedAt: string;
  updatedAt: string;
  version: number;
  /** Folded search terms joined by spaces (whitespace analyzer). */
  terms: string;
  doc: OrderSearchDocument;
}

/** Derives the index document, throwing a TypeError (checkOrderSearchDocument) when unusable. */
export function toOrderIndexDocument(doc: OrderSearchDocument): OrderIndexDocument {
  const fields = checkOrderSearchDocument(doc);
  return {
    orderId: doc.orderId,
    confirmationNumber: doc.confirmationNumber,
    status: doc.status,
    customerId: doc.customerId,
    customerEmail: doc.customerEmail,
    total: doc.total.amount,
    currency: doc.total.currency,
    itemCount: doc.itemCount,
    skus: [...new Set(doc.skus)],
    suppliers: fields.suppliers,
    placedAt: fields.placedAt,
    updatedAt: fields.updatedAt,
    version: doc.version,
    terms: fields.terms.join(' '),
    doc,
  };
}
