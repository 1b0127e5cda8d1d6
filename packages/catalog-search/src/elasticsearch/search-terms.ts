import { searchTokens } from '../search-tokens.js';

/**
 * The longest indexed term, in UTF-16 code units. Core Elasticsearch has only the prebuilt
 * `whitespace` analyzer for pre-tokenised text (no configurable tokenizer, no `asciifolding`),
 * and it cuts tokens at 255 code units; longer terms are truncated here, in documents and queries
 * alike, so they are compared on their first 250 code units instead of being split into pieces.
 */
export const MAX_TERM_LENGTH = 250;

const MARKS = /\p{M}+/gu;

/**
 * One search token (from searchTokens) as the index stores it: case and diacritics folded
 * (NFD, lower case, combining marks removed, NFC again), at most MAX_TERM_LENGTH code units.
 * `Crème` → `creme`, `İstanbul` → `istanbul`.
 */
export function foldSearchToken(token: string): string {
  const folded = token
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC');
  if (folded.length <= MAX_TERM_LENGTH) return folded;
  const cut = folded.charCodeAt(MAX_TERM_LENGTH - 1);
  // Never leave half of a surrogate pair at the end.
  return folded.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH);
}

/** The folded terms of a text: what a search field holds, joined by spaces. */
export function searchTerms(text: string): string[] {
  return searchTokens(text)
    .map(foldSearchToken)
    .filter((term) => term !== '');
}
