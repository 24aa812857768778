import {
  findDepartments,
  findIndustries,
  findLocations,
  findSeniorities,
  findTitles,
} from './command-criteria';
import { isNamedAfterPlace, takeCompanyList } from './company-criteria';
import { takeCompanyName } from './company-names';
import { Evidence, FilterReading, Unclear } from './evidence';
import {
  findUnsearchablePlaces,
  suggestPlace,
  UNSEARCHABLE_PLACE_REASON,
} from './place-suggestions';
import { Span, WORD_END, WORD_START } from './text-matching';
import { MAPPED_VERBS } from './command-verbs';

// "exclude anyone from", "skip the ones at", "leave out people working at".
const WHO =
  '(?:\\s+(?:anyone|anybody|everyone|those|people|prospects|contacts|leads|the\\s+ones|ones)' +
  '(?:\\s+(?:who\\s+works?|that\\s+works?|working|employed|based|located))?)?' +
  '(?:\\s+(?:at|in|from|for))?';
const CUE = new RegExp(
  `${WORD_START}(?:(?:except(?:\\s+for)?|excluding|exclude|excl\\.?|w/o|minus|leave\\s+out|leaving\\s+out|` +
    `skip(?:ping)?|other\\s+than|apart\\s+from)${WHO}|` +
    '(?:anywhere|everywhere|any\\s+country)\\s+(?:but|except)(?:\\s+(?:in|at))?|but\\s+not(?:\\s+(?:at|in|from))?|though\\s+not(?:\\s+(?:at|in|from))?|' +
    'not\\s+(?:at|in|from|based\\s+in|located\\s+in|headquartered\\s+in)|' +
    // "no agencies", "no consultants": a plural after "no" (not "no less than", "no emails").
    "no(?=\\s+(?!(?:less|unless|emails|replies|thanks|attachments|links|emojis|images|buzzwords|typos|duplicates)\\b)[\\p{L}-]+s(?![\\p{L}\\p{N}']))|" +
    `outside(?:\\s+of)?)(?![\\p{L}\\p{N}])\\s*`,
  'giu',
);
const THE = /^(?:the\s+)?/iu;
const SEPARATOR = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?/iu;
const QUOTED = /^(?:"([^"]{1,80})"|'([^']{1,80})')/u;
// Words after a cue that exclude nothing: "but not send them yet", "not at all".
const NOT_AN_EXCLUSION = new RegExp(
  `^(?:(?:${MAPPED_VERBS}|yet|now|all|only|just|really|too|very|sure|before|after|to|the|a|an|` +
    // "skip anyone below 60" is a score threshold.
    `(?:scor(?:ing|ed)\\s+)?(?:below|under|less\\s+than|lower\\s+than)\\s+\\d+)${WORD_END}|$)`,
  'iu',
);
const FALLBACK = /^[\p{L}\p{N}][\p{L}\p{N}'&.-]*(?: [\p{L}\p{N}][\p{L}\p{N}'&.-]*){0,3}/u;

type Item = { span: Span; evidence: Evidence[]; unclear: Unclear[] };

function unclearItem(span: Span, reason: string, suggestion: string | null = null): Item {
  return {
    span,
    evidence: [],
    unclear: [{ ...span, kind: suggestion ? 'place' : 'exclusion', reason, suggestion }],
  };
}

/** A country, region, city or quoted company at `at` (after an optional "the"). */
function takeKnownItem(text: string, at: number): Item | undefined {
  const rest = text.slice(at);
  const quoted = QUOTED.exec(rest);
  if (quoted) {
    const span = { start: at, end: at + quoted[0].length };
    return {
      span,
      evidence: [{ ...span, param: 'exclude_companies', value: (quoted[1] ?? quoted[2]).trim() }],
      unclear: [],
    };
  }
  const skip = THE.exec(rest)?.[0].length ?? 0;
  const name = takeCompanyName(text, at + skip);
  if (name && isNamedAfterPlace(name.value)) return undefined;
  const area = findUnsearchablePlaces(rest.slice(skip))[0];
  if (area && area.start === 0) {
    return unclearItem({ start: at + skip, end: at + skip + area.end }, UNSEARCHABLE_PLACE_REASON);
  }
  const place = findLocations(rest.slice(skip)).spans[0];
  if (!place || place.start !== 0) return undefined;
  const span = { start: at + skip, end: at + skip + place.end };
  if (place.value.cities) return unclearItem(span, 'Only countries can be left out, not cities.');
  const countries = place.value.countries ?? [];
  return {
    span,
    evidence: countries.map((value) => ({ ...span, param: 'exclude_countries', value })),
    unclear: [],
  };
}

/** Companies (capitalised names, domains) at `at`; role or industry words are unclear. */
function takeCompanies(text: string, at: number): Item[] {
  return takeCompanyList(text, at).map((name) => {
    const span = { start: name.start, end: name.end };
    const known = [findTitles, findSeniorities, findIndustries, findDepartments].some(
      (find) => find(name.value).values.length > 0,
    );
    if (known) return unclearItem(span, 'Only companies and countries can be left out.');
    const place = name.value.includes(' ') ? null : suggestPlace(name.value, 1);
    if (place) return unclearItem(span, 'Not a country or city the planner knows.', place);
    return {
      span,
      evidence: [{ ...span, param: 'exclude_companies', value: name.value }],
      unclear: [],
    };
  });
}

function takeItems(text: string, from: number): Item[] {
  const items: Item[] = [];
  let at = from;
  for (;;) {
    const known = takeKnownItem(text, at);
    const found = known ? [known] : takeCompanies(text, at);
    if (found.length === 0) break;
    items.push(...found);
    const end = found[found.length - 1].span.end;
    const separator = SEPARATOR.exec(text.slice(end));
    if (!separator) break;
    at = end + separator[0].length;
  }
  return items;
}

/**
 * Exclusions: "not in Germany", "outside the US", "excluding France" → `exclude_countries`;
 * "except Acme", "not at Acme", "but not Globex GmbH" → `exclude_companies`. What else is
 * excluded ("not in Berlin", "except banks") is an unclear `exclusion`: never read as the place or
 * company itself, so an exclusion is never inverted. Pass the command with contact filters
 * ("skip anyone we already emailed") masked.
 */
export function findExclusions(text: string): FilterReading {
  const reading: FilterReading = { evidence: [], unclear: [], spans: [] };
  for (const cue of text.matchAll(CUE)) {
    const from = (cue.index as number) + cue[0].length;
    let items = takeItems(text, from);
    if (items.length === 0) {
      const fallback = FALLBACK.exec(text.slice(from));
      if (!fallback || NOT_AN_EXCLUSION.test(text.slice(from))) continue;
      items = [
        unclearItem(
          { start: cue.index as number, end: from + fallback[0].length },
          'Only companies and countries can be left out.',
        ),
      ];
    }
    // Each excluded value is quoted with its cue ("excluding Acme and Globex" for Globex), so
    // the words of every exclusion say what they leave out.
    for (const item of items)
      for (const evidence of item.evidence) evidence.start = cue.index as number;
    reading.spans.push({ start: cue.index as number, end: items[items.length - 1].span.end });
    reading.evidence.push(...items.flatMap((item) => item.evidence));
    reading.unclear.push(...items.flatMap((item) => item.unclear));
  }
  return reading;
}

/**
 * The countries of a region less those the command excludes: "the DACH region except
 * Switzerland" searches Germany and Austria, never Switzerland as well. A country named on its
 * own and also excluded is kept, so the contradiction shows.
 */
export function withoutExcludedCountries<C extends { countries: string[] }>(
  criteria: C,
  evidence: Evidence[],
): { criteria: C; evidence: Evidence[] } {
  const excluded = new Set(
    evidence.filter((item) => item.param === 'exclude_countries').map((item) => item.value),
  );
  const fromRegion = (item: Evidence) =>
    item.param === 'countries' &&
    excluded.has(item.value) &&
    evidence.some(
      (other) =>
        other !== item &&
        other.param === 'countries' &&
        other.start === item.start &&
        other.end === item.end,
    );
  const dropped = new Set(evidence.filter(fromRegion).map((item) => item.value));
  if (dropped.size === 0) return { criteria, evidence };
  const named = evidence.some(
    (item) => item.param === 'countries' && dropped.has(item.value) && !fromRegion(item),
  );
  if (named) return { criteria, evidence };
  return {
    criteria: {
      ...criteria,
      countries: criteria.countries.filter((country) => !dropped.has(country)),
    },
    evidence: evidence.filter((item) => !fromRegion(item)),
  };
}
