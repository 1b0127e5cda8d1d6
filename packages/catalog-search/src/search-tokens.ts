/**
 * The tokens of a full-text query, shared by every adapter so they agree on what a query means.
 *
 * The text is NFC-normalised, then split into maximal runs of Unicode letters (`\p{L}`) and digits
 * (`\p{N}`); every other character (spaces, punctuation, quotes, operators such as `*`, `^`, `:`,
 * parentheses, symbols, emoji, control characters) only separates tokens and is dropped. Case and
 * diacritics are kept here: the index folds both (see the adapters). Query syntax of the engine
 * (FTS5 `AND`/`OR`/`NOT`/`NEAR`, column filters, Lucene operators) therefore never reaches it:
 * `NEAR(red, blue)` is the three plain words `NEAR`, `red`, `blue`.
 */
export function searchTokens(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

const TOKEN = /[\p{L}\p{N}]+/gu;
