import {
  findDepartments,
  findIndustries,
  findLocations,
  findSeniorities,
  findTitles,
} from './command-criteria';
import { CONNECTORS, LEGAL_FORMS, takeCompanyName } from './company-names';
import { Evidence, FilterReading, Unclear } from './evidence';
import { isUnsearchablePlace, suggestPlace } from './place-suggestions';
import { PhraseMatch, Span, WORD_START } from './text-matching';

const CUE = `${WORD_START}(?:(?:who\\s+works?|that\\s+works?|working|employed|works?)\\s+(?:at|for|by)|at|from)\\s+(?:the\\s+company\\s+)?`;
const QUOTED_COMPANY = new RegExp(`${CUE}(?:"([^"]{1,80})"|'([^']{1,80})')`, 'giu');
const NAME_CUE = new RegExp(CUE, 'giu');
const SEPARATOR = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)/iu;
// A name followed by one of these is a kind of company ("at Series B startups"), not a company.
const COMPANY_NOUN =
  /^\s*(?:[\p{L}\p{N}-]+\s+){0,2}?(?:compan(?:y|ies)|firms?|startups?|businesses|agenc(?:y|ies)|brands?|orgs?|organi[sz]ations?|vendors?)\b/iu;

/** Company names listed from `from` ("Acme, Globex and Initech"), with their spans. */
export function takeCompanyList(text: string, from: number): PhraseMatch<string>[] {
  const names: PhraseMatch<string>[] = [];
  let at = from;
  for (;;) {
    const name = takeCompanyName(text, at);
    if (!name) break;
    names.push(name);
    const separator = SEPARATOR.exec(text.slice(name.end));
    if (!separator) break;
    at = name.end + separator[0].length;
  }
  return names;
}

/**
 * Whether a company's name only contains a place: "Bank of America" (the place after "of"),
 * "Munich Re" (the place followed by a word of the name that is neither a place nor a word the
 * planner knows). "New York", "Siemens Germany" and "UK SaaS" are not: the place stays a place.
 */
export function isNamedAfterPlace(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.some((word) => /^(?:and|or)$/i.test(word))) return false;
  const places = findLocations(name).spans;
  if (places.length === 0) return false;
  return places.some((place) => {
    if (place.start === 0 && place.end === name.length) return false;
    const before = name.slice(0, place.start).trim().split(' ').pop() ?? '';
    if (CONNECTORS.has(before.toLowerCase())) return true;
    const after = name.slice(place.end).trim();
    return after !== '' && !knownWords(after) && findLocations(after).spans.length === 0;
  });
}

function knownWords(words: string): boolean {
  if (words.split(' ').every((word) => LEGAL_FORMS.has(word.toLowerCase()))) return true;
  return [findTitles, findSeniorities, findIndustries, findDepartments].some(
    (find) => find(words).values.length > 0,
  );
}

/**
 * The spans of companies named after a place ("at Bank of America", "from Munich Re"), to keep
 * from the place reader: the company reading wins when the capitalised name goes on.
 */
export function findCompaniesNamedAfterPlaces(text: string): Span[] {
  const spans: Span[] = [];
  for (const cue of text.matchAll(NAME_CUE)) {
    const from = (cue.index as number) + cue[0].length;
    for (const name of takeCompanyList(text, from)) {
      if (isNamedAfterPlace(name.value)) spans.push(spanOf(name));
    }
  }
  return spans;
}

/** Quoted companies after "at", "from", "working at": `at "Acme"`. Read before keywords. */
export function findQuotedCompanies(text: string): FilterReading {
  const evidence: Evidence[] = [...text.matchAll(QUOTED_COMPANY)].map((match) => ({
    start: match.index as number,
    end: (match.index as number) + match[0].length,
    param: 'companies',
    value: (match[1] ?? match[2]).trim(),
  }));
  return { evidence, unclear: [], spans: evidence.map(({ start, end }) => ({ start, end })) };
}

/**
 * Companies after "at", "from", "working at", "employed at": capitalised names ("at Cloudwerk
 * GmbH", "from Acme Corp") or domains ("at acme.com"). `rest` is `text` with every other
 * criterion masked, so "at SaaS companies" or "from Germany" never reach here. A single word
 * close to a known place ("at Berln") is an unclear `place`; a name followed by "companies"
 * ("at Series B companies") an unclear `filter`.
 */
export function findCompanies(input: { rest: string; text: string }): FilterReading {
  const text = input.rest;
  const evidence: Evidence[] = [];
  const unclear: Unclear[] = [];
  const spans: Span[] = [];
  for (const cue of text.matchAll(NAME_CUE)) {
    const from = (cue.index as number) + cue[0].length;
    // "from California", "at Europe's…" are places the place reader refuses, not companies.
    const capitalised = takeCompanyList(text, from).filter(
      (name) => !isUnsearchablePlace(name.value),
    );
    const lower = capitalised.length === 0 ? takeLowercaseName(text, from) : undefined;
    const names = lower ? [lower] : capitalised;
    if (names.length === 0) continue;
    const last = names[names.length - 1];
    spans.push({ start: cue.index as number, end: last.end });
    if (COMPANY_NOUN.test(input.text.slice(last.end))) {
      unclear.push({
        start: from,
        end: last.end,
        kind: 'filter',
        reason: 'Not a kind of company the planner knows.',
        suggestion: null,
      });
      continue;
    }
    for (const name of names) {
      const place = name.value.includes(' ') ? null : suggestPlace(name.value, 1);
      if (place)
        unclear.push({
          ...spanOf(name),
          kind: 'place',
          reason: 'Not a country or city the planner knows.',
          suggestion: place,
        });
      else evidence.push({ ...spanOf(name), param: 'companies', value: name.value });
    }
  }
  return { evidence, unclear, spans };
}

const spanOf = ({ start, end }: Span): Span => ({ start, end });

const LOWER_WORD = "[\\p{Ll}\\p{N}][\\p{L}\\p{N}'&-]*";
// Legal forms that are no English word ("as", "co", "se", "group" are left out).
const LOWER_LEGAL_FORMS =
  'gmbh|ag|inc\\.?|ltd\\.?|llc|corp\\.?|plc|b\\.?v\\.|bv|n\\.v\\.|kg|srl|spa|s\\.p\\.a\\.|ug';
const LOWER_NAME = new RegExp(
  `^(?:${LOWER_WORD}\\s+){1,2}?(?:${LOWER_LEGAL_FORMS})(?![\\p{L}\\p{N}])`,
  'u',
);
const LETTERS_AND_DIGITS =
  /^(?=[\p{L}\p{N}]*\p{L})(?=[\p{L}\p{N}]*\p{N})[\p{Ll}\p{N}]{2,}(?![\p{L}\p{N}])/u;

/**
 * A company written in lower case, when nothing else can be meant: a name ending in a legal form
 * ("at acme corp", "at cloudwerk gmbh") or one word of letters and digits ("at n26", "at 3m").
 */
function takeLowercaseName(text: string, from: number): PhraseMatch<string> | undefined {
  const rest = text.slice(from);
  const match = LOWER_NAME.exec(rest) ?? LETTERS_AND_DIGITS.exec(rest);
  if (!match) return undefined;
  return { start: from, end: from + match[0].length, value: match[0] };
}
