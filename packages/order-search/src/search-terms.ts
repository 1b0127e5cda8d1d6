/**
 * The longest indexed term, in UTF-16 code units. Core Elasticsearch's `whitespace` analyzer cuts
 * tokens at 255 code units; terms are truncated here, in documents and queries alike, for every
 * adapter, so they compare on the same first MAX_TERM_LENGTH code units everywhere.
 */
export const MAX_TERM_LENGTH = 250;

/**
 * The characters that join letter/digit runs into one word: `TEE-0001-BLK-M`,
 * `jane.doe@example.com`, `order_01`. FTS5's tokenizer is told the same (tokenchars).
 */
export const WORD_CONNECTORS = '-._@';

/** A word: runs of Unicode letters/digits joined by single connectors. */
const WORD = /[\p{L}\p{N}]+(?:[-._@][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/**
 * The words of a text, NFC-normalised. Everything that is not a letter, a digit or a single
 * connector between them (spaces, quotes, `*`, `:`, parentheses, `--`) only separates words, so
 * no engine syntax survives: `NEAR(red, "blue")` is the words `NEAR`, `red`, `blue`.
 */
export function searchWords(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * A word as every index stores it: case and diacritics folded (NFD, lower case, combining marks
 * removed, NFC), at most MAX_TERM_LENGTH code units. `Müller` → `muller`.
 */
export function foldSearchTerm(word: string): string {
  const folded = word.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
  if (folded.length <= MAX_TERM_LENGTH) return folded;
  const cut = folded.charCodeAt(MAX_TERM_LENGTH - 1);
  // Never leave half of a surrogate pair at the end.
  return folded.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH);
}

/** The folded words of a query: each must match, the last one as a prefix. */
export function queryTerms(text: string): string[] {
  return searchWords(text)
    .map(foldSearchTerm)
    .filter((term) => term !== '');
}

/**
 * The folded terms a value is indexed under: each word, each of its tails starting at a part
 * (`0001-blk-m`, `blk-m`, `m` of `TEE-0001-BLK-M`; `example.com` of an e-mail address) and each
 * part, distinct. So a query word finds a value when it is (a prefix of) one of its words, word
 * tails or parts: `TEE-0001-BLK-M` finds only that SKU, `TEE-00` every TEE-00…, `example.com`
 * every address at that domain.
 */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of searchWords(text)) {
    for (const part of word.matchAll(PART)) {
      terms.add(foldSearchTerm(word.slice(part.index)));
      terms.add(foldSearchTerm(part[0]));
    }
  }
  terms.delete('');
  return [...terms];
}
