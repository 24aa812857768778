// Whole-word phrase matching over a command. Parsers report the spans they used so the next parser
// can mask them: a title's "Marketing" is then never read again as a department or an industry.

export interface Span {
  start: number;
  end: number;
}

/** What a parser found: values in order of first appearance, and the spans of text it used. */
export interface Found<T> {
  values: T[];
  spans: Span[];
  /** Each match with its values. */
  matches: PhraseMatch<T[]>[];
}

export interface PhraseMatch<T> extends Span {
  value: T;
}

/** Regex source that asserts no letter or digit before / after, i.e. a whole-word match. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** A normalised command, and for each of its characters the span of the original it came from. */
export interface NormalisedCommand {
  text: string;
  /** The original command (NFC), whose slices `wordsOf` returns. */
  original: string;
  origins: Span[];
}

const OUTSIDE_QUOTES = '(?=(?:[^"]*"[^"]*")*[^"]*$)';
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}.'-]*";
const NOT_AFTER_COMPANY_CUE = `(?<!(?<![\\p{L}\\p{N}])(?:at|from)\\s+(?:${NAME_WORD}\\s+){0,2}${NAME_WORD})`;

const NORMALISATIONS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032`]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\s+/g, ' '],
  // Not inside double quotes: a quoted name stays as written; nor inside a company's name after
  // "at" or "from" ("at Procter & Gamble", "from Ernst & Young").
  [new RegExp(`(?: & (?!\\p{Lu})|${NOT_AFTER_COMPANY_CUE} & )${OUTSIDE_QUOTES}`, 'gu'), ' and '],
  [/\be-mail/gi, 'email'],
];

/**
 * Cleans a command before parsing without changing its meaning: typographic quotes and dashes
 * become ASCII, " & " becomes " and " (outside quotes), "e-mail" becomes "email", whitespace collapses. Keeps
 * where each character came from, so a span of the result maps back to the user's words.
 */
export function normaliseMapped(command: string): NormalisedCommand {
  const original = command.normalize('NFC');
  let text = original;
  let origins: Span[] = Array.from({ length: original.length }, (_, index) => ({
    start: index,
    end: index + 1,
  }));
  for (const [regex, replaced] of NORMALISATIONS) {
    let next = '';
    const nextOrigins: Span[] = [];
    let last = 0;
    for (const match of text.matchAll(regex)) {
      next += text.slice(last, match.index) + replaced;
      nextOrigins.push(...origins.slice(last, match.index));
      const from = origins[match.index].start;
      const to = origins[match.index + match[0].length - 1].end;
      nextOrigins.push(...Array.from(replaced, () => ({ start: from, end: to })));
      last = match.index + match[0].length;
    }
    text = next + text.slice(last);
    origins = [...nextOrigins, ...origins.slice(last)];
  }
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  return { text: trimmed, original, origins: origins.slice(lead, lead + trimmed.length) };
}

/** The user's words behind a span of the normalised command, whitespace collapsed. */
export function wordsOf(command: NormalisedCommand, span: Span): string {
  if (span.end <= span.start) return '';
  const start = command.origins[span.start].start;
  const end = command.origins[span.end - 1].end;
  return command.original.slice(start, end).replace(/\s+/g, ' ').trim();
}

/** See normaliseMapped. */
export function normaliseCommand(command: string): string {
  return normaliseMapped(command).text;
}

/** Regex source for an alias: a space matches spaces or hyphens, a hyphen is optional. */
export function aliasPattern(alias: string): string {
  return [...alias]
    .map((char) => {
      if (char === ' ') return '[\\s-]+';
      if (char === '-') return '[\\s-]?';
      return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** An alternation of aliases, longest first so "new york city" wins over "new york". */
export function alternation(aliases: readonly string[]): string {
  const sorted = [...aliases].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return sorted.map(aliasPattern).join('|');
}

function aliasKey(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * Compiles aliases into a matcher returning whole-word matches, left to right and never
 * overlapping. An alias with capitals (US, IT) matches only when written exactly so.
 */
export function compilePhrases<T>(
  entries: readonly { aliases: readonly string[]; value: T }[],
): (text: string) => PhraseMatch<T>[] {
  const byKey = new Map<string, { alias: string; value: T }>();
  for (const { aliases, value } of entries) {
    for (const alias of aliases) {
      if (!byKey.has(aliasKey(alias))) byKey.set(aliasKey(alias), { alias, value });
    }
  }
  // Every spelling is looked for ("health care" as well as "healthcare"); the first one listed
  // with the same letters decides the value and whether capitals must match.
  const allAliases = [...new Set(entries.flatMap(({ aliases }) => aliases))];
  const regex = new RegExp(`${WORD_START}(?:${alternation(allAliases)})${WORD_END}`, 'giu');
  return (text) => {
    const matches: PhraseMatch<T>[] = [];
    for (const match of text.matchAll(regex)) {
      const entry = byKey.get(aliasKey(match[0]));
      if (!entry || (entry.alias !== entry.alias.toLowerCase() && match[0] !== entry.alias)) {
        continue;
      }
      matches.push({ start: match.index, end: match.index + match[0].length, value: entry.value });
    }
    return matches;
  };
}

/** Keeps the earliest of overlapping matches, and the longest of those starting together. */
export function pickNonOverlapping<T extends Span>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const match of sorted) {
    if (kept.length === 0 || match.start >= kept[kept.length - 1].end) kept.push(match);
  }
  return kept;
}

/** Replaces the spans with spaces, so positions in the text stay the same. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let masked = text;
  for (const { start, end } of spans) {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  }
  return masked;
}

/** Values in order of first appearance without repeats (strings compared case-insensitively). */
export function uniqueInOrder<T>(values: readonly T[]): T[] {
  const seen = new Set<unknown>();
  return values.filter((value) => {
    const key = typeof value === 'string' ? value.toLowerCase() : value;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Collects values and spans of matches whose value is a list ("DACH" → three countries). */
export function collect<T>(matches: readonly PhraseMatch<T[]>[]): Found<T> {
  return {
    values: uniqueInOrder(matches.flatMap((match) => match.value)),
    spans: matches.map(({ start, end }) => ({ start, end })),
    matches: [...matches],
  };
}
