import { Unclear } from './evidence';
import { compilePhrases, maskSpans, PhraseMatch, WORD_START } from './text-matching';
import { CITIES, COUNTRIES, UNSEARCHABLE_PLACES } from './vocabulary';

/** Why a state, an area or a continent is refused. */
export const UNSEARCHABLE_PLACE_REASON =
  'States, provinces, areas and continents are not a filter: name the countries or cities.';

const matchUnsearchable = compilePhrases([{ aliases: UNSEARCHABLE_PLACES, value: true }]);

/** States, provinces, areas and continents the search cannot filter on ("California", "Europe"). */
export function findUnsearchablePlaces(text: string): PhraseMatch<boolean>[] {
  return matchUnsearchable(text);
}

/** Whether the whole of `name` is a state, an area or a continent. */
export function isUnsearchablePlace(name: string): boolean {
  const found = matchUnsearchable(name.trim());
  return found.length === 1 && found[0].start === 0 && found[0].end === name.trim().length;
}

const PLACE_NAMES: [alias: string, name: string][] = [
  ...Object.entries(COUNTRIES).flatMap(([name, aliases]) =>
    [name, ...aliases].map((alias) => [alias, name] as [string, string]),
  ),
  ...Object.entries(CITIES).flatMap(([name, aliases]) =>
    [name, ...aliases].map((alias) => [alias, name] as [string, string]),
  ),
].filter(([alias]) => alias.length >= 4);

/** The optimal-string-alignment (restricted Damerau-Levenshtein) distance of two words. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

// Words and company names close to a place that are no misspelling: "at Orange in France",
// "at Spin", "people in pairs".
const REAL_WORDS = new Set(
  (
    'orange apple amazon oracle shell target total mango range grange spin pairs paid pain main ' +
    'indeed slack notion monday sprint'
  ).split(' '),
);

/**
 * The known country or city a misspelt place most likely is, as "Germany?": the closest name or
 * alias within 2 edits (1 for words of up to 5 letters, at most `maxDistance`), or null; never for
 * a real word or company name that happens to be close ("Orange" is not "France?").
 */
export function suggestPlace(word: string, maxDistance = 2): string | null {
  const lower = word.toLowerCase();
  if (REAL_WORDS.has(lower)) return null;
  const allowed = Math.min(lower.length <= 5 ? 1 : 2, maxDistance);
  let best: { name: string; distance: number } | undefined;
  for (const [alias, name] of PLACE_NAMES) {
    if (Math.abs(alias.length - lower.length) > allowed) continue;
    const distance = editDistance(lower, alias.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? `${best.name}?` : null;
}

// Capitalised words that follow "in" or "from" without being a place.
const NOT_PLACES = new Set(
  (
    'the a an our my their your this that these those english excel google sheets sheet csv json ' +
    'markdown pdf q1 q2 q3 q4 january february march april may june july august september ' +
    'october november december monday tuesday wednesday thursday friday saturday sunday i'
  ).split(' '),
);
// Case-sensitive, so that \p{Lu} means a capital: the prepositions are spelt in either case.
const AFTER_PREPOSITION = new RegExp(
  `${WORD_START}(?:[Ii]n|[Ff]rom|[Bb]ased\\s+in|[Ll]ocated\\s+in|[Hh]eadquartered\\s+in|[Nn]ear|[Aa]round)\\s+(?:the\\s+)?` +
    "(\\p{L}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*)?)(?![\\p{L}\\p{N}])",
  'gu',
);

/**
 * Places the planner does not know, after "in", "from", "based in", "located in": a capitalised
 * word ("in Lyon"), or a longer word close to a known place ("in germny"); and anywhere, a state,
 * an area or a continent ("California", "Bay Area", "Europe"). Pass the command with
 * every understood phrase masked. Each is a `place` the plan would otherwise drop.
 */
export function findUnknownPlaces(input: string): Unclear[] {
  const unsearchable = findUnsearchablePlaces(input);
  const found: Unclear[] = unsearchable.map(({ start, end }) => ({
    start,
    end,
    kind: 'place',
    reason: UNSEARCHABLE_PLACE_REASON,
    suggestion: null,
  }));
  const text = maskSpans(input, unsearchable);
  for (const match of text.matchAll(AFTER_PREPOSITION)) {
    const words = match[1];
    const first = words.split(' ')[0];
    if (NOT_PLACES.has(first.toLowerCase())) continue;
    const suggestion = suggestPlace(words) ?? suggestPlace(first);
    const capitalised = /^\p{Lu}/u.test(first);
    if (!capitalised && (first.length < 6 || !suggestion)) continue;
    const start = (match.index as number) + match[0].length - words.length;
    found.push({
      start,
      end: start + words.length,
      kind: 'place',
      reason: 'Not a country or city the planner knows.',
      suggestion,
    });
  }
  return found;
}
