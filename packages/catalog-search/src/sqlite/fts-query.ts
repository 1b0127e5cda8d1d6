/**
 * The FTS5 MATCH expression for search tokens: each token quoted as an FTS5 string, ANDed, the
 * last one a prefix (`"red" AND "hood"*`). Tokens hold only letters and digits (see searchTokens),
 * so no FTS5 syntax can come from the shopper; quotes are still doubled in case a caller passes
 * other tokens. Tokens may match in different columns.
 */
export function ftsMatchExpression(tokens: readonly string[]): string {
  return tokens
    .map((token, i) => `"${token.replaceAll('"', '""')}"${i === tokens.length - 1 ? '*' : ''}`)
    .join(' AND ');
}
