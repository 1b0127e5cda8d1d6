/**
 * The key `title_asc` sorts by (and collections are listed by): the NFC-normalised, lower-cased
 * title, compared by Unicode code point (byte-wise UTF-8). Every adapter stores exactly this key.
 */
export function titleSortKey(title: string): string {
  return title.normalize('NFC').toLowerCase();
}
