import { FilterReading, Unclear } from './evidence';
import { pickNonOverlapping, WORD_END, WORD_START } from './text-matching';

// Filters the search cannot apply, which the other readers would misread: refused, never dropped
// and never read as something else ("score below 40" is not a scoring request, "max 3 per
// company" is not a limit, "former Google employees" are not Google's employees).

const NUMBER = '\\d{1,3}(?:\\s*(?:%|points?|/\\s*100))?';
const COUNT =
  '(?:\\d{1,4}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\\s+couple|a\\s+few)';
const SCORE = '(?:(?:fit|icp|lead)\\s+)?(?:score[sd]?|scoring|rat(?:ed|ing)|rank(?:ed|ing))';
const BELOW =
  '(?:below|under|less\\s+than|lower\\s+than|beneath|<=?|≤|at\\s+most|no\\s+(?:more|higher)\\s+than|up\\s+to)';
const WHO =
  "(?:(?:with|having|has|have)\\s+(?:a|an|the)?\\s*|(?:that|who|which)\\s+(?:we\\s+|we'?ve\\s+|are\\s+|were\\s+)?|we\\s+(?:have\\s+)?)?";
const PEOPLE =
  '(?:people|persons?|contacts?|leads?|prospects?|profiles?|names?|employees?|' +
  '(?:[\\p{L}-]+\\s+)?(?:ctos?|ceos?|cfos?|cmos?|vps?|directors?|managers?|founders?|heads?|engineers?|executives?))';
const PER = '(?:per|a|each|from\\s+each|at\\s+each|for\\s+each|in\\s+each|by)';
const COMPANY =
  '(?:company|companies|account|accounts|organi[sz]ation|org|firm|business|domain|employer)';
const NAME =
  "[\\p{Lu}\\p{N}][\\p{L}\\p{N}'&.-]*(?:\\s+(?:of\\s+|&\\s+)?[\\p{Lu}\\p{N}][\\p{L}\\p{N}'&.-]*){0,3}";
const PAST_NOUNS =
  '(?:employees?|staff|people|alumni|workers|folks|colleagues|team\\s+members|ones)';

const SCORE_REASON =
  'Only a minimum score can be searched ("score above 70"): not a maximum, a range or a missing score.';
const CAP_REASON = 'A cap per company is not a filter the search supports.';
const PAST_REASON = 'Past employers are not tracked: only the current company can be searched.';
const KEEP_REASON =
  'Keeping only the top N after scoring is not supported: ask for "the 10 best-fitting" stored scores, or a minimum score.';
const TOOL_REASON = 'Not a list, tag or import the planner can search.';

const rules: { pattern: string; kind: Unclear['kind']; reason: string }[] = [
  // "with a score below 40", "scored between 60 and 80", "that score lower than 50".
  {
    pattern: `${WHO}${SCORE}\\s+(?:of\\s+|is\\s+)?${BELOW}\\s+${NUMBER}`,
    kind: 'filter',
    reason: SCORE_REASON,
  },
  {
    pattern: `${WHO}${SCORE}\\s+(?:of\\s+|is\\s+)?(?:between|from)\\s+${NUMBER}\\s*(?:and|to|-)\\s*${NUMBER}`,
    kind: 'filter',
    reason: SCORE_REASON,
  },
  // "not scored yet", "unscored", "with no score", "without a score".
  {
    pattern: `(?:(?:that|who|which)\\s+(?:are\\s+|were\\s+|have\\s+|has\\s+)?|we\\s+(?:have\\s+)?)?(?:not|never|haven'?t|hasn'?t|weren'?t|aren'?t)\\s+(?:been\\s+|yet\\s+)?(?:scored|rated|ranked)(?:\\s+(?:yet|before))?`,
    kind: 'filter',
    reason: SCORE_REASON,
  },
  { pattern: `(?:un(?:scored|rated|ranked))`, kind: 'filter', reason: SCORE_REASON },
  {
    pattern: `(?:with\\s+no|without\\s+(?:a|any)?|no|missing\\s+(?:a|the)?)\\s*(?:fit\\s+)?(?:score|scores|rating)`,
    kind: 'filter',
    reason: SCORE_REASON,
  },
  // "one per company", "max 3 per company", "at most 2 per account", "up to 5 people per company".
  {
    pattern:
      `(?:(?:only|just|max(?:imum)?(?:\\s+of)?|at\\s+most|up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|limit(?:ed)?\\s+to)\\s+)?` +
      `${COUNT}\\s+(?:${PEOPLE}\\s+)?${PER}\\s+${COMPANY}`,
    kind: 'filter',
    reason: CAP_REASON,
  },
  // "who were at Salesforce before", "previously at SAP", "former Google employees", "ex-McKinsey".
  {
    pattern: `(?:who|that)\\s+(?:were|was|used\\s+to\\s+(?:be|work)|(?:have|has)\\s+worked|worked)\\s+(?:at|for|with)\\s+${NAME}(?:\\s+(?:before|previously|in\\s+the\\s+past|earlier))?`,
    kind: 'filter',
    reason: PAST_REASON,
  },
  {
    pattern: `(?:previously|formerly|once)\\s+(?:at|with|of|employed\\s+(?:at|by)|worked\\s+(?:at|for))\\s+${NAME}`,
    kind: 'filter',
    reason: PAST_REASON,
  },
  {
    pattern: `(?:former|ex)\\s+${NAME}(?:\\s+${PAST_NOUNS})?`,
    kind: 'filter',
    reason: PAST_REASON,
  },
  {
    pattern: `ex-[\\p{L}\\p{N}][\\p{L}\\p{N}'&.]*(?:\\s+${PAST_NOUNS})?`,
    kind: 'filter',
    reason: PAST_REASON,
  },
  {
    pattern: `(?:alumni\\s+of|alumni\\s+from)\\s+${NAME}|${NAME}\\s+alumni`,
    kind: 'filter',
    reason: PAST_REASON,
  },
  // "keep only the top 10": a cut after scoring, not a search limit.
  {
    pattern: `(?:keep|retain|take|pick)\\s+(?:only\\s+|just\\s+)?(?:the\\s+)?(?:top|best|first|highest)\\s+\\d{1,4}(?:\\s+(?:${PEOPLE}|ones))?`,
    kind: 'filter',
    reason: KEEP_REASON,
  },
  {
    pattern: `(?:only\\s+|just\\s+)?(?:keep|retain)\\s+(?:the\\s+)?\\d{1,4}\\s+(?:best|highest)(?:[\\s-](?:scor(?:ed|ing)|rated|fit(?:ting)?))?(?:\\s+(?:${PEOPLE}|ones))?`,
    kind: 'filter',
    reason: KEEP_REASON,
  },
  // Prospecting tools are sources the search does not know: "from LinkedIn Sales Navigator".
  {
    pattern: `(?:from|in|on|via|through|using|with)\\s+(?:the\\s+|our\\s+|my\\s+)?(?:linkedin\\s+)?sales\\s*nav(?:igator)?(?:\\s+(?:lists?|searche?s?|exports?|accounts?|leads?))?`,
    kind: 'list',
    reason: TOOL_REASON,
  },
];

const ESCAPE_OR_LETTER = /\\[pP]\{[^}]*\}|\\.|[a-zA-Z]/g;

/**
 * The pattern with each ASCII letter matching either case, so that the regex needs no `i` flag
 * and `\p{Lu}` still means a capital: "Who were at Salesforce", never "who were at the office".
 */
export function caseless(pattern: string): string {
  const inClass = (chars: string) =>
    chars.replace(ESCAPE_OR_LETTER, (token) =>
      token.length === 1 ? `${token.toLowerCase()}${token.toUpperCase()}` : token,
    );
  return pattern.replace(/\\[pP]\{[^}]*\}|\\.|\[(?:\\.|[^\]])*\]|[a-zA-Z]/g, (token) => {
    if (token.startsWith('[')) return inClass(token);
    return token.length === 1 ? `[${token.toLowerCase()}${token.toUpperCase()}]` : token;
  });
}

const REGEXES = rules.map(({ pattern, kind, reason }) => ({
  regex: new RegExp(`${WORD_START}${caseless(pattern)}${WORD_END}`, 'gu'),
  kind,
  reason,
}));

/**
 * Filters the search cannot apply, each an unclear phrase: a score other than a minimum ("score
 * below 40", "between 60 and 80", "not scored yet", "no score"), a cap per company ("one per
 * company", "max 3 per account"), a past employer ("who were at Salesforce before", "former
 * Google employees", "ex-McKinsey"), a cut after scoring ("keep only the top 10"), a prospecting
 * tool as the source ("from LinkedIn Sales Navigator"). Read first, so no other reader turns
 * them into a limit, a company size, a company or a scoring step.
 */
export function findUnsupportedFilters(text: string): FilterReading {
  const found = REGEXES.flatMap(({ regex, kind, reason }) =>
    [...text.matchAll(regex)]
      .filter((match) => !DROP_BEFORE.test(text.slice(0, match.index)))
      .map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        kind,
        reason,
        suggestion: null,
      })),
  );
  const unclear: Unclear[] = pickNonOverlapping(found);
  return { evidence: [], unclear, spans: unclear.map(({ start, end }) => ({ start, end })) };
}

// "drop anyone scoring under 60" is a threshold of 60 (see findScoreThreshold), not a maximum.
const DROP_BEFORE =
  /(?:drop|remove|exclude|discard|filter\s+out|cut|skip)\s+(?:anyone|anybody|everyone|those|all|the\s+ones|ones|prospects|leads|contacts|people)?\s*$/iu;
