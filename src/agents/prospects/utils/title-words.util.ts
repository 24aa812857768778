/**
 * Words of a title or a filter: lower case, split on anything but letters, digits and the marks
 * that belong to a word ("r&d", "c++", "c#"); a lone "&" or "+" is dropped.
 */
export function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}&+#]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * A title as stored for search: its words between single spaces, with a space at each end
 * (" vp of sales "), so a filter word is matched at the start of a title word with `LIKE '% vp%'`.
 */
export function titleWords(title: string | null | undefined): string | null {
  const words = splitWords(title ?? '');
  return words.length > 0 ? ` ${words.join(' ')} ` : null;
}
