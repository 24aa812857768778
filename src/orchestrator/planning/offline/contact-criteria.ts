import { Evidence, FilterReading, Unclear } from './evidence';
import { maskSpans, pickNonOverlapping, Span, WORD_END, WORD_START } from './text-matching';
import { WORD_NUMBER_PATTERN, WORD_NUMBERS } from './word-numbers';

const NOT =
  "(?:not|never|haven'?t|have\\s+not|hasn'?t|has\\s+not|weren'?t|were\\s+not|wasn'?t|was\\s+not)";
const CONTACTED =
  '(?:contacted|emailed|reached(?:\\s+out\\s+to)?|messaged|written\\s+to|touched|pinged)';
const COUNT = `(\\d{1,4}|${WORD_NUMBER_PATTERN})`;
const UNIT = '(days?|weeks?|months?|years?)';
const OBJECT = '(?:\\s+(?:them|him|her|by\\s+us|yet))?';
const DAYS_PER_UNIT: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

const rule = (pattern: string) => new RegExp(`${WORD_START}${pattern}${WORD_END}`, 'giu');

// "in the last 3 months", "in the past month" (one month), "for 90 days".
const PERIOD = `(?:in|within|for|during|over)\\s+(?:the\\s+)?(?:(?:last|past)\\s*(?:${COUNT}\\s+)?|${COUNT}\\s+)${UNIT}`;
const SKIP_WHO =
  '(?:skip|exclude|excluding|except(?:\\s+for)?|without|minus|leave\\s+out|drop|remove|not)\\s+(?:anyone|anybody|everyone|those|people|prospects|contacts|leads|the\\s+ones|ones)';
const NOT_CONTACTED_FOR = [
  `${NOT}\\s+(?:been\\s+|yet\\s+)?${CONTACTED}${OBJECT}\\s+${PERIOD}`,
  `no\\s+(?:contact|emails?|outreach)\\s+${PERIOD}`,
  // "skip anyone we contacted in the last month": not contacted in 30 days.
  `${SKIP_WHO}\\s+(?:(?:who|that|whom)\\s+)?(?:we|i)(?:'ve|\\s+have)?\\s+(?:already\\s+)?${CONTACTED}${OBJECT}\\s+${PERIOD}`,
].map(rule);
// A period by the calendar ("this year", "last week") or contact that did happen ("we emailed
// in the last 30 days") is not a filter the search has.
const CALENDAR =
  '(?:(?:this|last|past|current)\\s+(?:week|month|quarter|year)|(?:in|during|since)\\s+\\d{4}|today|yesterday)';
const CONTACTED_WHEN = [
  `(?:${SKIP_WHO}\\s+(?:(?:who|that|whom)\\s+)?(?:we|i)(?:'ve|\\s+have)?\\s+(?:already\\s+)?|${NOT}\\s+(?:been\\s+|yet\\s+)?)${CONTACTED}${OBJECT}\\s+${CALENDAR}`,
  `(?:(?:who|that|whom)\\s+)?(?:we|i)(?:'ve|\\s+have|\\s+had)?\\s+(?:already\\s+)?(?:${CONTACTED}|spoken\\s+to|spoke\\s+(?:to|with)|talked\\s+to|met(?:\\s+with)?|called)${OBJECT}\\s+(?:${CALENDAR}|${PERIOD})`,
  `(?:(?:who|that|whom)\\s+)?(?:we|i)(?:'ve|\\s+have)?\\s+never\\s+(?:spoken|talked|spoke)\\s+(?:to|with)`,
].map(rule);
const NOT_SINCE = rule(
  `${NOT}\\s+(?:been\\s+)?${CONTACTED}${OBJECT}\\s+(?:since\\s+[\\p{L}\\p{N}]+(?:\\s+\\d{1,4})?|recently|lately)`,
);
// "skip anyone we already emailed", "excluding those we've contacted".
const ALREADY = `(?:(?:who|that|whom)\\s+)?(?:we|i)(?:'ve|\\s+have)?\\s+(?:already\\s+)?${CONTACTED}(?:\\s+(?:before|already))?`;
const NEVER_EMAILED = [
  `(?:skip|exclude|excluding|except(?:\\s+for)?|without|minus|leave\\s+out|drop|remove|not)\\s+(?:anyone|anybody|everyone|those|people|prospects|contacts|leads|the\\s+ones|ones)\\s+${ALREADY}`,
  `(?:we|i)(?:'ve|\\s+have)?\\s+never\\s+${CONTACTED}(?:\\s+(?:before|yet))?`,
  `never\\s+(?:been\\s+)?${CONTACTED}(?:\\s+(?:before|yet))?`,
  `${NOT}\\s+(?:yet\\s+|already\\s+)?(?:been\\s+)?${CONTACTED}${OBJECT}(?:\\s+(?:yet|before))?`,
  `(?:new|fresh)\\s+contacts\\s+only|only\\s+(?:new|fresh)\\s+contacts`,
].map(rule);
const ALREADY_EMAILED = rule(`(?:we|i)(?:'ve|\\s+have)?\\s+already\\s+${CONTACTED}`);
const REPLIES = [
  `no\\s+(?:reply|replies|response|responses|answer)(?:\\s+yet)?`,
  `(?:${NOT}|didn'?t|did\\s+not|don'?t|do\\s+not)\\s+(?:yet\\s+)?(?:replied|responded|answered|opened|clicked|reply|respond|answer|open)(?:\\s+(?:to\\s+(?:us|it|them)|yet))*`,
  `unless\\s+they(?:'ve|\\s+have)?\\s+(?:already\\s+)?(?:reply|replied|respond|responded|answer|answered)`,
  `(?:who|that)\\s+(?:already\\s+)?(?:replied|responded|answered|opened|clicked)`,
  `non[\\s-]?responders|(?:un)?responsive\\s+(?:prospects|leads|contacts)`,
].map(rule);
const REPLY_REASON =
  'Replies, opens and clicks are not tracked yet (they arrive with the mailbox feature).';
const DATE_REASON =
  'Contact history is read only as "not contacted in the last 90 days" or "never emailed": not as a date, "this year", "recently" or contact that did happen.';

/** Matches of any of the regexes, the earliest and longest of overlapping ones. */
export function matchesOf(regexes: readonly RegExp[], text: string): RegExpMatchArray[] {
  const all = regexes.flatMap((regex) => [...text.matchAll(regex)]);
  return pickNonOverlapping(all.map((match) => ({ ...spanOf(match), match }))).map(
    ({ match }) => match,
  );
}

const spanOf = (match: RegExpMatchArray): Span => ({
  start: match.index as number,
  end: (match.index as number) + match[0].length,
});

function daysOf(count: string, unit: string): number {
  const number = WORD_NUMBERS[count.toLowerCase()] ?? parseInt(count, 10);
  return number * DAYS_PER_UNIT[unit.toLowerCase().replace(/s$/, '')];
}

/**
 * Contact history filters: "not contacted in the last 3 months" → `not_contacted_days: 90`
 * (weeks ×7, months ×30, years ×365); "never emailed", "skip anyone we already emailed", "who
 * we haven't emailed yet" → `never_emailed: true`; "we already emailed" → `never_emailed:
 * false`. Replies and dates are not tracked: "no reply yet" and "not contacted since May" are
 * unclear `filter`s, never dropped.
 */
export function findContactFilters(text: string): FilterReading {
  const evidence: Evidence[] = [];
  const unclear: Unclear[] = [];
  let rest = text;
  const take = (regexes: readonly RegExp[], read: (match: RegExpMatchArray) => void) => {
    const matches = matchesOf(regexes, rest);
    matches.forEach(read);
    rest = maskSpans(rest, matches.map(spanOf));
  };
  const refuse = (reason: string) => (match: RegExpMatchArray) =>
    unclear.push({ ...spanOf(match), kind: 'filter', reason, suggestion: null });
  take(REPLIES, refuse(REPLY_REASON));
  take(NOT_CONTACTED_FOR, (match) => {
    const [count, unit] = match.slice(1).filter((group) => group !== undefined);
    evidence.push({
      ...spanOf(match),
      param: 'not_contacted_days',
      value: unit === undefined ? daysOf('1', count) : daysOf(count, unit),
    });
  });
  take(CONTACTED_WHEN, refuse(DATE_REASON));
  take([NOT_SINCE], refuse(DATE_REASON));
  take(NEVER_EMAILED, (match) =>
    evidence.push({ ...spanOf(match), param: 'never_emailed', value: true }),
  );
  take([ALREADY_EMAILED], (match) =>
    evidence.push({ ...spanOf(match), param: 'never_emailed', value: false }),
  );
  const spans = [...evidence, ...unclear].map(({ start, end }) => ({ start, end }));
  return { evidence, unclear, spans };
}
