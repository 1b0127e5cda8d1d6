/** The value types a Temporal custom search attribute can have (the CLI's spelling). */
export const SEARCH_ATTRIBUTE_TYPES = [
  'Keyword',
  'Text',
  'Int',
  'Double',
  'Bool',
  'Datetime',
  'KeywordList',
] as const;

export type SearchAttributeTypeName = (typeof SEARCH_ATTRIBUTE_TYPES)[number];

export type SearchAttributeDefinitions = Readonly<Record<string, SearchAttributeTypeName>>;

/** Search attributes every server started by this package registers (request ids reach workflows). */
export const COMMERCE_SEARCH_ATTRIBUTES = {
  RequestId: 'Keyword',
} as const satisfies SearchAttributeDefinitions;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Merges `extra` over the commerce defaults and rejects bad names or types with a clear error. */
export function resolveSearchAttributes(
  extra: SearchAttributeDefinitions = {},
): SearchAttributeDefinitions {
  const merged: Record<string, SearchAttributeTypeName> = {
    ...COMMERCE_SEARCH_ATTRIBUTES,
    ...extra,
  };
  const problems: string[] = [];
  for (const [name, type] of Object.entries(merged)) {
    if (!NAME.test(name))
      problems.push(`search attribute name ${JSON.stringify(name)} is not an identifier`);
    if (!(SEARCH_ATTRIBUTE_TYPES as readonly string[]).includes(type)) {
      problems.push(
        `search attribute ${name} has unknown type ${JSON.stringify(type)} (one of ${SEARCH_ATTRIBUTE_TYPES.join(', ')})`,
      );
    }
  }
  if (problems.length > 0) throw new TypeError(problems.join('; '));
  return merged;
}
