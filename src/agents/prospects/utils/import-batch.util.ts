/** The tag every row of a named import carries: `import:<name>`. */
export const IMPORT_BATCH_TAG_PREFIX = 'import:';

/** The tag of the import named `name` ("apollo-nov" → "import:apollo-nov"). */
export function importBatchTag(name: string): string {
  return `${IMPORT_BATCH_TAG_PREFIX}${name}`;
}

/** The tags an import adds to each row: the ones asked for, and its batch tag when named. */
export function importTags(
  tags: readonly string[] | undefined,
  batch?: string,
): readonly string[] | undefined {
  return batch === undefined ? tags : [...(tags ?? []), importBatchTag(batch)];
}
