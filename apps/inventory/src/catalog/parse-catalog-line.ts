import { CatalogCollectionLineSchema, CatalogProductInputSchema } from '@commerce/contracts/inventory/schemas';
import type { CatalogLine } from '@commerce/contracts/inventory';
import { schemaProblems } from '@commerce/activity-kit/schema-check';

export type ParsedLine = { value: CatalogLine } | { error: string };

/** Checks a catalog line beyond its schema: opening stock must name the product's own SKUs. */
function semanticProblem(line: CatalogLine): string | null {
  if (!('product' in line)) return null;
  const skus = line.product.variants.map((v) => v.sku);
  if (new Set(skus).size !== skus.length) return 'product lists an SKU twice';
  const stranger = Object.keys(line.initialStock).find((sku) => !skus.includes(sku));
  return stranger === undefined ? null : `initialStock names ${stranger}, which is not a variant of ${line.product.id}`;
}

/** Validates one decoded catalog line (a collection line or a product line). */
export function validateCatalogLine(value: unknown): ParsedLine {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'a catalog line must be a JSON object' };
  const schema = 'collection' in value ? CatalogCollectionLineSchema : 'product' in value ? CatalogProductInputSchema : null;
  if (schema === null) return { error: 'a catalog line needs a "collection" or a "product" property' };
  const problems = schemaProblems(schema, value);
  if (problems.length > 0) return { error: problems.join('; ') };
  const line = value as CatalogLine;
  const problem = semanticProblem(line);
  return problem === null ? { value: line } : { error: problem };
}

/** Decodes and validates one NDJSON line. */
export function parseCatalogLine(text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  return validateCatalogLine(value);
}
