import {
  alternation,
  collect,
  compilePhrases,
  Found,
  pickNonOverlapping,
  PhraseMatch,
  uniqueInOrder,
  WORD_END,
  WORD_START,
} from './text-matching';
import {
  ACRONYMS,
  C_LEVEL,
  CITIES,
  COUNTRIES,
  DEPARTMENTS,
  INDUSTRIES,
  REGIONS,
  ROLES,
  ROLES_WITH_OF,
  Seniority,
  SENIORITY_PHRASES,
  STANDALONE_ROLES,
  TITLE_QUALIFIERS,
} from './vocabulary';

/** Everything the offline planner reads out of a command; empty lists mean "not said". */
export interface CommandCriteria {
  titles: string[];
  seniorities: Seniority[];
  departments: string[];
  industries: string[];
  countries: string[];
  cities: string[];
  employeesMin?: number;
  employeesMax?: number;
  keywords: string[];
  limit?: number;
  threshold?: number;
}

const DEPARTMENT_ALIASES = Object.values(DEPARTMENTS).flat();
const LIST_SEPARATOR = '(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+|\\s*/\\s*)';
const listOf = (item: string) => `(?:${item})(?:${LIST_SEPARATOR}(?:${item}))*`;
const roleOf = (roles: readonly string[]) => `(?:${alternation(roles)})(?:'?s)?`;
// After "VPs of Sales and", "marketing people" or "marketing agencies" is not a second department.
const NOT_A_TITLE_DEPARTMENT =
  '(?!\\s+(?:teams?|departments?|people|folks|staff|leaders|leadership|' +
  'agenc(?:y|ies)|compan(?:y|ies)|firms?|businesses))';
const TITLE_DEPARTMENT = `(?:${alternation(DEPARTMENT_ALIASES)})${NOT_A_TITLE_DEPARTMENT}`;
// "Head of People" is HR, but only right after "of": in "VPs of Sales and people in Spain" the
// people are not a department.
const TITLE_DEPARTMENT_LIST = `(?:people|${TITLE_DEPARTMENT})(?:${LIST_SEPARATOR}${TITLE_DEPARTMENT})*`;
const QUALIFIER = '(?:(senior|junior)\\s+)?';
const NOT_A_LEVEL = '(?![\\s-]*level)(?!\\s+(?:and|or)\\s+(?:above|higher|up))';

const DEPARTMENT_ENTRIES = Object.entries(DEPARTMENTS).map(([name, aliases]) => ({
  aliases,
  value: name,
}));
const matchDepartments = compilePhrases(DEPARTMENT_ENTRIES);
const matchTitleDepartments = compilePhrases([
  ...DEPARTMENT_ENTRIES,
  { aliases: ['people'], value: 'HR' },
]);
const PREFIX_ALIASES = [...DEPARTMENT_ALIASES, ...TITLE_QUALIFIERS];
const matchTitlePrefixes = compilePhrases(
  PREFIX_ALIASES.map((alias) => ({ aliases: [alias], value: DEPARTMENT_ALIASES.includes(alias) })),
);
const matchRoles = compilePhrases(
  Object.entries(ROLES).map(([key, name]) => ({
    aliases: [key, `${key}s`, `${key}'s`],
    value: name,
  })),
);

type TitleKind = 'of' | 'prefix' | 'chief' | 'acronym' | 'alone';

// Group 1 is the qualifier (maybe empty), group 2 the role, group 3 the departments or words;
// "prefix" has its list in group 2 and its role in group 3.
const TITLE_PATTERNS: { kind: TitleKind; regex: RegExp }[] = (
  [
    [
      'of',
      `${QUALIFIER}(${roleOf(ROLES_WITH_OF)})\\s+of\\s+(?:the\\s+)?(${TITLE_DEPARTMENT_LIST})`,
    ],
    ['of', `()((?:s|e)?vp(?:'?s)?)\\s+(${TITLE_DEPARTMENT_LIST})`],
    [
      'prefix',
      `${QUALIFIER}(${listOf(alternation(PREFIX_ALIASES))})\\s+(${roleOf(Object.keys(ROLES))})`,
    ],
    ['chief', `()(chief)\\s+([\\p{L}&]+(?:\\s+[\\p{L}&]+)?)\\s+officers?`],
    ['acronym', `()(${Object.keys(C_LEVEL).join('|')})(?:'?s)?`],
    ['alone', `${QUALIFIER}(${roleOf(STANDALONE_ROLES)})${NOT_A_LEVEL}`],
  ] as const
).map(([kind, pattern]) => ({
  kind,
  regex: new RegExp(`${WORD_START}${pattern}${WORD_END}`, 'giu'),
}));

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Capitalises a department or qualifier for a title: "human resources" → "Human Resources". */
export function titleCase(words: string): string {
  return words
    .toLowerCase()
    .split(/\s+/)
    .map((word) => ACRONYMS[word] ?? (word === 'of' || word === 'and' ? word : capitalise(word)))
    .join(' ');
}

function canonicalRole(text: string): string {
  return matchRoles(text)[0]?.value ?? titleCase(text);
}

function chiefTitle(words: string): string {
  const lower = words.toLowerCase().replace(/\s+/g, ' ');
  const acronym = Object.entries(C_LEVEL).find(([, names]) => names.includes(lower));
  return acronym ? acronym[0] : `Chief ${titleCase(lower)} Officer`;
}

// VP, SVP, EVP, Vice President and Head always read "Role of Department" ("sales VPs" → "VP of
// Sales"); other roles keep the user's word order ("sales directors" → "Sales Director").
const ROLES_READ_WITH_OF = ['VP', 'SVP', 'EVP', 'Vice President', 'Head'];

function titlesOf(kind: TitleKind, match: RegExpMatchArray): string[] {
  const qualifier = match[1] ? `${titleCase(match[1])} ` : '';
  if (kind === 'chief') return [chiefTitle(match[3])];
  if (kind === 'acronym') return [match[2].toUpperCase()];
  if (kind === 'alone') return [qualifier + canonicalRole(match[2])];
  if (kind === 'of') {
    const role = canonicalRole(match[2]);
    return matchTitleDepartments(match[3]).map(
      ({ start, end }) => `${qualifier}${role} of ${titleCase(match[3].slice(start, end))}`,
    );
  }
  const role = canonicalRole(match[3]);
  return matchTitlePrefixes(match[2]).map(({ start, end, value: isDepartment }) => {
    const words = titleCase(match[2].slice(start, end));
    return isDepartment && ROLES_READ_WITH_OF.includes(role)
      ? `${qualifier}${role} of ${words}`
      : `${qualifier}${words} ${role}`;
  });
}

/** Job titles, singular and capitalised: "VPs of Sales" → "VP of Sales", "CTOs" → "CTO". */
export function findTitles(text: string): Found<string> {
  const matches: PhraseMatch<string[]>[] = [];
  for (const { kind, regex } of TITLE_PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const value = titlesOf(kind, match);
      if (value.length > 0) {
        matches.push({ start: match.index, end: match.index + match[0].length, value });
      }
    }
  }
  return collect(joinAdjacentTitles(text, pickNonOverlapping(matches)));
}

/**
 * Two single titles with only a space between them are one compound title: "SDR managers" is
 * "SDR Manager", never "SDR" or "Manager" (which would widen the search to every manager).
 */
function joinAdjacentTitles(
  text: string,
  matches: readonly PhraseMatch<string[]>[],
): PhraseMatch<string[]>[] {
  const joined: PhraseMatch<string[]>[] = [];
  for (const match of matches) {
    const last = joined[joined.length - 1];
    const adjacent = last && /^ +$/.test(text.slice(last.end, match.start));
    if (adjacent && last.value.length === 1 && match.value.length === 1) {
      joined[joined.length - 1] = {
        start: last.start,
        end: match.end,
        value: [`${last.value[0]} ${match.value[0]}`],
      };
    } else joined.push(match);
  }
  return joined;
}

const matchLocations = compilePhrases<{ countries?: string[]; cities?: string[] }>([
  ...Object.entries(COUNTRIES).map(([name, aliases]) => ({
    aliases,
    value: { countries: [name] },
  })),
  ...REGIONS.map(({ aliases, countries }) => ({ aliases, value: { countries } })),
  ...Object.entries(CITIES).map(([name, aliases]) => ({ aliases, value: { cities: [name] } })),
]);

/** Countries (regions expanded: DACH → Germany, Austria, Switzerland) and cities. */
export function findLocations(text: string): {
  countries: string[];
  cities: string[];
  spans: PhraseMatch<{ countries?: string[]; cities?: string[] }>[];
} {
  const matches = matchLocations(text);
  return {
    countries: uniqueInOrder(matches.flatMap(({ value }) => value.countries ?? [])),
    cities: uniqueInOrder(matches.flatMap(({ value }) => value.cities ?? [])),
    spans: matches,
  };
}

const matchIndustries = compilePhrases(
  Object.entries(INDUSTRIES).map(([name, aliases]) => ({ aliases, value: [name] })),
);

/** Industries by canonical name: "SaaS" → "Software". */
export function findIndustries(text: string): Found<string> {
  return collect(matchIndustries(text));
}

const matchSeniorities = compilePhrases(
  SENIORITY_PHRASES.map(({ aliases, levels }) => ({ aliases, value: levels })),
);

/**
 * Seniority levels the command names without a title: "executives" and "decision makers" →
 * c_level and vp, "C-level" → c_level, "senior leaders" and "leadership" → c_level, vp and
 * director. A title carries its own level ("CTO" is c_level), so titles never add seniorities;
 * when a command names both ("founders and other executives"), both are kept, as alternatives.
 */
export function findSeniorities(text: string): Found<Seniority> {
  return collect(matchSeniorities(text));
}

const DEPARTMENT_NOUNS =
  'teams?|departments?|dept|people|folks|staff|professionals|leaders|leadership|' +
  'decision[\\s-]makers?|executives|execs|org|organi[sz]ation|function|roles|personnel';
const DEPARTMENT_LIST = listOf(alternation(DEPARTMENT_ALIASES));
const DEPARTMENT_CONTEXT = new RegExp(
  `${WORD_START}(?:(?:work(?:s|ing)?|people|folks|staff|someone|anyone|contacts)\\s+(?:in|from|within)\\s+(?:the\\s+)?(${DEPARTMENT_LIST})|` +
    `(${DEPARTMENT_LIST})\\s+(?:${DEPARTMENT_NOUNS}))${WORD_END}`,
  'giu',
);

/**
 * Departments named without a title: "the marketing team", "sales leaders", "people in sales",
 * "people working in finance". A title's department ("VP of Sales") is left to the title.
 */
export function findDepartments(text: string): Found<string> {
  const matches: PhraseMatch<string[]>[] = [];
  for (const match of text.matchAll(DEPARTMENT_CONTEXT)) {
    const list = match[1] ?? match[2];
    const value = matchDepartments(list).map(({ value: name }) => name);
    if (value.length > 0) {
      matches.push({ start: match.index, end: match.index + match[0].length, value });
    }
  }
  return collect(matches);
}
