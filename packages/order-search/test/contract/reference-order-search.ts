import type { OrderSearchDocument, OrderSearchQuery, OrderSearchResult } from '@commerce/contracts/oms';

// The search semantics of the OrderSearchReader port restated as plain, slow, in-memory code.
// Tests compare adapters with it; it shares no code with any adapter.

const fold = (text: string): string => text.normalize('NFD').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const words = (text: string): string[] => text.normalize('NFC').match(/[\p{L}\p{N}]+(?:[-._@][\p{L}\p{N}]+)*/gu) ?? [];
/** Every word of the values, every tail of a word that starts at a letter/digit run, every run. */
function vocabularyOf(values: readonly string[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const word of values.flatMap(words)) {
    const parts = word.split(/[-._@]/);
    let at = 0;
    for (const part of parts) {
      vocabulary.add(fold(word.slice(at)));
      vocabulary.add(fold(part));
      at += part.length + 1;
    }
  }
  return vocabulary;
}
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The documents a store holds after these writes, in order (the version guard applied). */
export function referenceStore(writes: readonly OrderSearchDocument[]): OrderSearchDocument[] {
  const stored = new Map<string, OrderSearchDocument>();
  for (const doc of writes) {
    const seen = stored.get(doc.orderId);
    if (seen === undefined || doc.version > seen.version) stored.set(doc.orderId, doc);
  }
  return [...stored.values()];
}

function matchesText(doc: OrderSearchDocument, q: string | undefined): boolean {
  const tokens = words(q ?? '').map(fold);
  if (tokens.length === 0) return true;
  const vocabulary = vocabularyOf([doc.orderId, doc.confirmationNumber, doc.customerName, doc.customerEmail, ...doc.skus]);
  return tokens.every((token, i) => (i === tokens.length - 1 ? [...vocabulary].some((w) => w.startsWith(token)) : vocabulary.has(token)));
}

type Excluded = 'status' | 'supplier' | undefined;

function matches(doc: OrderSearchDocument, query: OrderSearchQuery, except: Excluded): boolean {
  if (!matchesText(doc, query.q)) return false;
  if (except !== 'status' && query.status !== undefined && query.status.length > 0 && !query.status.includes(doc.status)) return false;
  if (except !== 'supplier' && query.supplier !== undefined && !doc.suppliers.includes(query.supplier)) return false;
  if (query.customerId !== undefined && doc.customerId !== query.customerId) return false;
  const placed = Date.parse(doc.placedAt);
  if (query.placedFrom !== undefined && placed < Date.parse(query.placedFrom)) return false;
  if (query.placedTo !== undefined && placed > Date.parse(query.placedTo)) return false;
  return true;
}

function buckets(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.value, b.value))
    .slice(0, 100);
}

export function referenceSearch(docs: readonly OrderSearchDocument[], query: OrderSearchQuery): OrderSearchResult & { all: string[] } {
  const sort = query.sort ?? 'placed_desc';
  const key = (d: OrderSearchDocument): number => (sort.startsWith('placed') ? Date.parse(d.placedAt) : d.total.amount);
  const direction = sort.endsWith('desc') ? -1 : 1;
  const matching = docs
    .filter((d) => matches(d, query, undefined))
    .sort((a, b) => direction * (key(a) - key(b)) || byCodePoint(a.orderId, b.orderId));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 20;
  return {
    total: matching.length,
    items: matching.slice(offset, offset + limit),
    all: matching.map((d) => d.orderId),
    facets: {
      status: buckets(docs.filter((d) => matches(d, query, 'status')).map((d) => d.status)),
      supplier: buckets(docs.filter((d) => matches(d, query, 'supplier')).flatMap((d) => [...new Set(d.suppliers)])),
    },
  };
}
