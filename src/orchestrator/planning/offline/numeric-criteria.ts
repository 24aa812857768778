import type { Evidence } from './evidence';
import {
  alternation,
  compilePhrases,
  PhraseMatch,
  Span,
  WORD_END,
  WORD_START,
} from './text-matching';
import {
  C_LEVEL,
  EMPLOYEE_UNITS,
  PERSON_NOUNS,
  ROLES,
  SENIORITY_PHRASES,
  SIZE_WORDS,
} from './vocabulary';

/** The most prospects one search may return (the `limit` of `prospects.search`). */
export const MAX_LIMIT = 1000;

// "1,000", "1000", "1.5k", "10k"; never part of a longer number.
const NUMBER =
  '(?<![\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?:\\s?k(?!\\p{L}))?)(?![\\p{N}]|,\\d)';
const UNIT = `\\s*-?\\s*(?:${alternation([...EMPLOYEE_UNITS, 'people', 'persons', 'person'])})`;
const LOWER =
  'more\\s+than|over|above|greater\\s+than|at\\s+least|min(?:imum)?(?:\\s+of)?|no\\s+(?:fewer|less)\\s+than';
const UPPER =
  'fewer\\s+than|less\\s+than|under|below|up\\s+to|at\\s+most|max(?:imum)?(?:\\s+of)?|no\\s+more\\s+than';
const SIZE_NOUN =
  'compan(?:y|ies)|firms?|businesses|organi[sz]ations|orgs|accounts|startups|headcount|' +
  '(?:company\\s+)?size|employee\\s+count';

const SCORING_WORDS = /\b(?:scor|rank|qualif|prioriti|fit\b|icp\b)/i;

export function parseNumber(text: string): number {
  const digits = text.replace(/[,\s]/g, '').toLowerCase();
  return digits.endsWith('k')
    ? Math.round(parseFloat(digits) * 1000)
    : Math.round(parseFloat(digits));
}

type Bounds = { min?: number; max?: number };

// "more than 200" is 201 and "fewer than 50" is 49, which lines up with LinkedIn's size bands
// (51–200, 201–500, 1,001–5,000); "at least", "up to" and "200+" keep the number as said.
function bound(comparator: string, value: number): Bounds {
  const words = comparator.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:more than|over|above|greater than)$/.test(words)) return { min: value + 1 };
  if (/^(?:fewer than|less than|under|below)$/.test(words)) return { max: value - 1 };
  if (new RegExp(`^(?:${LOWER})$`).test(words)) return { min: value };
  return { max: value };
}

type SizeRule = [
  pattern: string,
  read: (m: RegExpMatchArray, scoring: boolean) => Bounds | undefined,
];
const range = (m: RegExpMatchArray) => ({ min: parseNumber(m[1]), max: parseNumber(m[2]) });
const SIZE_RULES: SizeRule[] = [
  [`between\\s+${NUMBER}\\s+and\\s+${NUMBER}${UNIT}`, range],
  [`(?:from\\s+)?${NUMBER}\\s*(?:-|to)\\s*${NUMBER}${UNIT}`, range],
  [`(?:${SIZE_NOUN})\\s*(?:of|:|between|from)?\\s*${NUMBER}\\s*(?:-|to|and)\\s*${NUMBER}`, range],
  [
    `(${LOWER})\\s+${NUMBER}\\s+(?:and|but)\\s+(${UPPER})\\s+${NUMBER}${UNIT}`,
    (m) => ({ ...bound(m[1], parseNumber(m[2])), ...bound(m[3], parseNumber(m[4])) }),
  ],
  [`(${LOWER}|${UPPER})\\s+${NUMBER}${UNIT}`, (m) => bound(m[1], parseNumber(m[2]))],
  [
    `(?:${SIZE_NOUN})\\s+(?:with\\s+|of\\s+)?(${LOWER}|${UPPER})\\s+${NUMBER}(?!\\s*(?:%|points?))`,
    // Without a unit, "companies above 70" in a command about scores is a threshold, not a size.
    (m, scoring) => {
      const bounds = bound(m[1], parseNumber(m[2]));
      return scoring && bounds.min !== undefined && parseNumber(m[2]) <= 100 ? undefined : bounds;
    },
  ],
  [`${NUMBER}\\s*(?:\\+|or\\s+more)${UNIT}`, (m) => ({ min: parseNumber(m[1]) })],
  [`${NUMBER}${UNIT}\\s+or\\s+more`, (m) => ({ min: parseNumber(m[1]) })],
  [`${NUMBER}\\s+or\\s+(?:fewer|less)${UNIT}`, (m) => ({ max: parseNumber(m[1]) })],
  [`${NUMBER}${UNIT}\\s+or\\s+(?:fewer|less)`, (m) => ({ max: parseNumber(m[1]) })],
];
const SIZE_REGEXES = SIZE_RULES.map(
  ([pattern, read]) => [new RegExp(`${WORD_START}${pattern}${WORD_END}`, 'giu'), read] as const,
);

const matchSizeWords = compilePhrases(
  SIZE_WORDS.map(({ aliases, min, max }) => ({ aliases, value: { min, max } })),
);

export interface CompanySize {
  employeesMin?: number;
  employeesMax?: number;
  spans: Span[];
  /** The phrases each bound comes from: "with 50-500 employees" for both. */
  evidence: Evidence[];
}

/**
 * Company size in employees. Numbers win over words; several numeric bounds narrow the range,
 * several words ("SMB and mid-market") widen it; a reversed range ("500-50") is put right.
 */
export function findCompanySize(text: string): CompanySize {
  const numeric: PhraseMatch<Bounds>[] = [];
  const scoring = SCORING_WORDS.test(text);
  for (const [regex, read] of SIZE_REGEXES) {
    for (const match of text.matchAll(regex)) {
      const span = { start: match.index, end: match.index + match[0].length };
      const bounds = read(match, scoring);
      if (!bounds || numeric.some((used) => span.start < used.end && used.start < span.end)) {
        continue;
      }
      numeric.push({ ...span, value: bounds });
    }
  }
  const words = matchSizeWords(text).filter(
    (word) => !numeric.some((span) => word.start < span.end && span.start < word.end),
  );
  const found = [...numeric, ...words].sort((a, b) => a.start - b.start);
  const used = numeric.length > 0 ? numeric : words;
  const bounds = used.map(({ value }) => value);
  const size = numeric.length > 0 ? narrow(bounds) : widen(bounds);
  const [min, max] =
    size.min !== undefined && size.max !== undefined && size.min > size.max
      ? [size.max, size.min]
      : [size.min, size.max];
  const evidence = (
    [
      ['employees_min', min],
      ['employees_max', max],
    ] as const
  ).flatMap(([param, value]) => {
    const source = used.find((match) => match.value.min === value || match.value.max === value);
    return value === undefined || !source ? [] : [{ ...spanOf(source), param, value }];
  });
  return { employeesMin: min, employeesMax: max, spans: found.map(spanOf), evidence };
}

const spanOf = ({ start, end }: Span): Span => ({ start, end });

function narrow(bounds: Bounds[]): Bounds {
  const mins = bounds.flatMap(({ min }) => (min === undefined ? [] : [min]));
  const maxes = bounds.flatMap(({ max }) => (max === undefined ? [] : [max]));
  return {
    min: mins.length > 0 ? Math.max(...mins) : undefined,
    max: maxes.length > 0 ? Math.min(...maxes) : undefined,
  };
}

function widen(bounds: Bounds[]): Bounds {
  if (bounds.length === 0) return {};
  const unbounded = (key: 'min' | 'max') => bounds.some((b) => b[key] === undefined);
  return {
    min: unbounded('min') ? undefined : Math.min(...bounds.map((b) => b.min as number)),
    max: unbounded('max') ? undefined : Math.max(...bounds.map((b) => b.max as number)),
  };
}

/** Regex source: a word for people ("leads", "CTOs", "founders", "executives"). */
export const PERSON_WORDS = alternation([
  ...PERSON_NOUNS,
  ...Object.keys(ROLES).map((role) => `${role}s`),
  ...Object.keys(C_LEVEL).map((acronym) => `${acronym.toLowerCase()}s`),
  ...SENIORITY_PHRASES.flatMap(({ aliases }) => aliases),
]);

const SCORE_CONNECTORS =
  'of|is|at|above|over|>=?|≥|higher\\s+than|greater\\s+than|at\\s+least|no\\s+less\\s+than|' +
  'min(?:imum)?|from|of\\s+at\\s+least';
const SCORE_SUFFIX = '(?:\\s*(?:\\+|%|/\\s*100|points?))?';
const THRESHOLD_RULES = [
  `(?:score[sd]?|scoring|rating|rated|threshold|cut-?off)(?:\\s*(?:${SCORE_CONNECTORS}))*\\s*${NUMBER}` +
    `(?!\\s+(?:${PERSON_WORDS}))${SCORE_SUFFIX}`,
  `${NUMBER}\\s*\\+?\\s*(?:fit\\s+)?(?:score|fit)`,
].map((pattern) => new RegExp(`${WORD_START}${pattern}(?![\\p{L}\\p{N}])`, 'giu'));
// A bare "at least 60" is a threshold only when the command talks about scoring at all.
const BARE_THRESHOLD = new RegExp(
  `${WORD_START}(?:at\\s+least|above|over|minimum(?:\\s+of)?|higher\\s+than|greater\\s+than)\\s+` +
    `${NUMBER}${SCORE_SUFFIX}(?=\\s*(?:$|[.,;!?)]|and\\b|then\\b|or\\b|on\\b|fit\\b))`,
  'giu',
);

// With scoring, "drop anyone below 60", "remove those scoring under 50" keep 60 and more.
const DROP_BELOW = new RegExp(
  `${WORD_START}(?:drop|remove|exclude|discard|filter\\s+out|cut|skip)\\s+` +
    `(?:anyone|anybody|everyone|those|all|the\\s+ones|ones|prospects|leads|contacts|people)?\\s*` +
    `(?:(?:who|that)\\s+(?:are\\s+|is\\s+|score\\s+)?)?(?:scor(?:ing|ed)\\s+|rated\\s+)?` +
    `(?:below|under|less\\s+than|lower\\s+than)\\s+${NUMBER}${SCORE_SUFFIX}(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The fit score a prospect must reach (0..100): "score above 70", "at least 60", "80+ fit". */
export function findScoreThreshold(text: string): { threshold?: number; spans: Span[] } {
  const regexes = SCORING_WORDS.test(text)
    ? [...THRESHOLD_RULES, BARE_THRESHOLD, DROP_BELOW]
    : THRESHOLD_RULES;
  const found = regexes
    .flatMap((regex) => [...text.matchAll(regex)])
    .map((match) => ({ match, value: parseNumber(match[1]) }))
    .filter(({ value }) => value >= 0 && value <= 100)
    .sort((a, b) => a.match.index - b.match.index)[0];
  if (!found) return { spans: [] };
  const start = found.match.index;
  return { threshold: found.value, spans: [{ start, end: start + found.match[0].length }] };
}

const LIMIT_RULES = [
  `(?:top|first|up\\s+to|at\\s+most|max(?:imum)?(?:\\s+of)?|limit(?:\\s+(?:it\\s+)?(?:to|of))?|only|just)\\s+${NUMBER}`,
  `(?:find|get|pull|source|fetch|collect|gather|compile|identify|give|show|grab|return|list|search\\s+for|look\\s+for)` +
    `\\s+(?:me\\s+|us\\s+)?(?:a\\s+list\\s+of\\s+|the\\s+|about\\s+|around\\s+)?${NUMBER}`,
  `list\\s+of\\s+${NUMBER}`,
  `${NUMBER}\\s+(?:[\\p{L}&'-]+\\s+){0,3}?(?:${PERSON_WORDS})`,
].map((pattern) => new RegExp(`${WORD_START}${pattern}(?![\\p{L}\\p{N}%])`, 'giu'));

/**
 * How many prospects to find, when the command gives a count: "find 50 VPs", "top 20", "100
 * leads". Pass text with size and threshold numbers masked. Counts above 1000 are capped.
 */
export function findLimit(text: string): number | undefined {
  return findLimitMatch(text)?.value;
}

/** The limit (see findLimit) with the words it comes from. */
export function findLimitMatch(text: string): PhraseMatch<number> | undefined {
  const first = LIMIT_RULES.flatMap((regex) => [...text.matchAll(regex)])
    .filter((match) => !match[1].includes('.'))
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const value = parseNumber(first[1]);
  const start = first.index;
  const end = start + first[0].length;
  return value < 1 ? undefined : { start, end, value: Math.min(value, MAX_LIMIT) };
}
