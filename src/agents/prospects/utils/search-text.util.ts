/** What free text (`q`) is matched against: the fields of a prospect it searches. */
export interface SearchTextFields {
  name: string;
  email?: string | null;
  title?: string | null;
  companyName?: string | null;
}

/**
 * A prospect's free-text search column: name, email, title and company name, lower case,
 * separated by spaces. A free-text word holds no whitespace, so it never matches across two
 * fields: a word found in this text is a word found in one of them.
 */
export function prospectSearchText(fields: SearchTextFields): string {
  return [fields.name, fields.email, fields.title, fields.companyName]
    .filter((value): value is string => !!value)
    .join(' ')
    .toLowerCase();
}

/**
 * The words of a free-text query, lower case, each once. Control characters separate words like
 * spaces: no stored text holds them, and FTS5 stops reading a query at a NUL.
 */
export function freeTextWords(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/[\s\p{Cc}]+/u)
        .filter(Boolean),
    ),
  ];
}
